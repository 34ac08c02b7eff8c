using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Sangathan.Data.Migrations.Sqlite
{
    /// <summary>
    /// Each photo's avatar-sized thumbnail. Photos already stored get theirs on first request (PhotoStore.ThumbnailAsync),
    /// not here: making one means decoding the image, which neither database can do in a migration's SQL.
    /// </summary>
    public partial class PhotoThumbnails : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<byte[]>(
                name: "Thumbnail",
                table: "Photos",
                type: "BLOB",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Thumbnail",
                table: "Photos");
        }
    }
}
