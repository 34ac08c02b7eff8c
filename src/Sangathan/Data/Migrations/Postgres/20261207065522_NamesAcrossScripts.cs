using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Sangathan.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class NamesAcrossScripts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ImportProposals",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    JobId = table.Column<int>(type: "integer", nullable: false),
                    Kind = table.Column<int>(type: "integer", nullable: false),
                    Key = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    LevelId = table.Column<int>(type: "integer", nullable: false),
                    Written = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Under = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    NearUnitId = table.Column<int>(type: "integer", nullable: true),
                    NearName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    FirstRow = table.Column<int>(type: "integer", nullable: false),
                    Rows = table.Column<int>(type: "integer", nullable: false),
                    Choice = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ImportProposals", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ImportProposals_ImportJobs_JobId",
                        column: x => x.JobId,
                        principalTable: "ImportJobs",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "MemberWords",
                columns: table => new
                {
                    Word = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false, collation: "C"),
                    MemberId = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MemberWords", x => new { x.Word, x.MemberId });
                    table.ForeignKey(
                        name: "FK_MemberWords_Members_MemberId",
                        column: x => x.MemberId,
                        principalTable: "Members",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PersonWords",
                columns: table => new
                {
                    Word = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false, collation: "C"),
                    PersonId = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PersonWords", x => new { x.Word, x.PersonId });
                    table.ForeignKey(
                        name: "FK_PersonWords_People_PersonId",
                        column: x => x.PersonId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ImportProposals_JobId_Kind_Key",
                table: "ImportProposals",
                columns: new[] { "JobId", "Kind", "Key" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_MemberWords_MemberId_Word",
                table: "MemberWords",
                columns: new[] { "MemberId", "Word" });

            migrationBuilder.CreateIndex(
                name: "IX_PersonWords_PersonId_Word",
                table: "PersonWords",
                columns: new[] { "PersonId", "Word" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ImportProposals");

            migrationBuilder.DropTable(
                name: "MemberWords");

            migrationBuilder.DropTable(
                name: "PersonWords");
        }
    }
}
