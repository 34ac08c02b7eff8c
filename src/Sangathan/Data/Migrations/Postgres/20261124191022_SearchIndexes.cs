using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Sangathan.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class SearchIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_People_NameHi",
                table: "People");

            migrationBuilder.DropIndex(
                name: "IX_People_NameKey",
                table: "People");

            migrationBuilder.CreateIndex(
                name: "IX_People_NameHi_Id",
                table: "People",
                columns: new[] { "NameHi", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_People_NameKey_Id",
                table: "People",
                columns: new[] { "NameKey", "Id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_People_NameHi_Id",
                table: "People");

            migrationBuilder.DropIndex(
                name: "IX_People_NameKey_Id",
                table: "People");

            migrationBuilder.CreateIndex(
                name: "IX_People_NameHi",
                table: "People",
                column: "NameHi");

            migrationBuilder.CreateIndex(
                name: "IX_People_NameKey",
                table: "People",
                column: "NameKey");
        }
    }
}
