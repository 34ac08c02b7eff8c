using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Sangathan.Data.Migrations.Postgres
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
                type: "bytea",
                nullable: true);
            // A JPEG does not compress: stored as the photo is, without PostgreSQL trying again on every write.
            migrationBuilder.Sql("""ALTER TABLE "Photos" ALTER COLUMN "Thumbnail" SET STORAGE EXTERNAL""");
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
