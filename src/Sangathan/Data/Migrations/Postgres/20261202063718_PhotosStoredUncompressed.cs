using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Sangathan.Data.Migrations.Postgres
{
    /// <summary>
    /// Photos are JPEG, PNG or WebP, compressed already: PostgreSQL's TOAST would try to compress each one again
    /// (pglz over the whole 50 KB before giving up), half the database's work of an enrollment's photo. EXTERNAL
    /// keeps them out of line, uncompressed. Rows already written stay as they are; only new ones are affected.
    /// </summary>
    public partial class PhotosStoredUncompressed : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""ALTER TABLE "Photos" ALTER COLUMN "Content" SET STORAGE EXTERNAL""");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""ALTER TABLE "Photos" ALTER COLUMN "Content" SET STORAGE EXTENDED""");
        }
    }
}
