using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Sangathan.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class OrganizationChanges : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Units_Code",
                table: "Units");

            migrationBuilder.AddColumn<DateOnly>(
                name: "From",
                table: "Units",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "Until",
                table: "Units",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "CreatedAt",
                table: "StaffMember",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "DisabledAt",
                table: "StaffMember",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Party",
                table: "Representatives",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "Until",
                table: "Posts",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "District",
                table: "Constituencies",
                type: "TEXT",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "EndReason",
                table: "Appointments",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "EndedAt",
                table: "Appointments",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "Recuts",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    On = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Summary = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    RevertedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    RevertedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    RevertReason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Recuts", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "MemberMoves",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RecutId = table.Column<int>(type: "INTEGER", nullable: false),
                    MemberId = table.Column<int>(type: "INTEGER", nullable: false),
                    FromBoothId = table.Column<int>(type: "INTEGER", nullable: false),
                    ToBoothId = table.Column<int>(type: "INTEGER", nullable: false),
                    On = table.Column<DateOnly>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MemberMoves", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MemberMoves_Members_MemberId",
                        column: x => x.MemberId,
                        principalTable: "Members",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_MemberMoves_Recuts_RecutId",
                        column: x => x.RecutId,
                        principalTable: "Recuts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "RecutSteps",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RecutId = table.Column<int>(type: "INTEGER", nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    Target = table.Column<long>(type: "INTEGER", nullable: false),
                    Former = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RecutSteps", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RecutSteps_Recuts_RecutId",
                        column: x => x.RecutId,
                        principalTable: "Recuts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "UnitHistory",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    UnitId = table.Column<int>(type: "INTEGER", nullable: false),
                    RecutId = table.Column<int>(type: "INTEGER", nullable: true),
                    ParentId = table.Column<int>(type: "INTEGER", nullable: true),
                    Code = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    NameEn = table.Column<string>(type: "TEXT", maxLength: 150, nullable: false),
                    NameHi = table.Column<string>(type: "TEXT", maxLength: 150, nullable: false),
                    PartNumber = table.Column<int>(type: "INTEGER", nullable: true),
                    AssemblyConstituencyId = table.Column<int>(type: "INTEGER", nullable: true),
                    Until = table.Column<DateOnly>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_UnitHistory", x => x.Id);
                    table.ForeignKey(
                        name: "FK_UnitHistory_Recuts_RecutId",
                        column: x => x.RecutId,
                        principalTable: "Recuts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Units_Code",
                table: "Units",
                column: "Code",
                unique: true,
                filter: "\"Until\" IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_MemberMoves_MemberId_On",
                table: "MemberMoves",
                columns: new[] { "MemberId", "On" });

            migrationBuilder.CreateIndex(
                name: "IX_MemberMoves_On_FromBoothId",
                table: "MemberMoves",
                columns: new[] { "On", "FromBoothId" });

            migrationBuilder.CreateIndex(
                name: "IX_MemberMoves_RecutId",
                table: "MemberMoves",
                column: "RecutId");

            migrationBuilder.CreateIndex(
                name: "IX_Recuts_CreatedAt",
                table: "Recuts",
                column: "CreatedAt");

            migrationBuilder.CreateIndex(
                name: "IX_RecutSteps_Kind_Target",
                table: "RecutSteps",
                columns: new[] { "Kind", "Target" });

            migrationBuilder.CreateIndex(
                name: "IX_RecutSteps_RecutId",
                table: "RecutSteps",
                column: "RecutId");

            migrationBuilder.CreateIndex(
                name: "IX_UnitHistory_ParentId_Until",
                table: "UnitHistory",
                columns: new[] { "ParentId", "Until" });

            migrationBuilder.CreateIndex(
                name: "IX_UnitHistory_RecutId",
                table: "UnitHistory",
                column: "RecutId");

            migrationBuilder.CreateIndex(
                name: "IX_UnitHistory_UnitId_Until",
                table: "UnitHistory",
                columns: new[] { "UnitId", "Until" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "MemberMoves");

            migrationBuilder.DropTable(
                name: "RecutSteps");

            migrationBuilder.DropTable(
                name: "UnitHistory");

            migrationBuilder.DropTable(
                name: "Recuts");

            migrationBuilder.DropIndex(
                name: "IX_Units_Code",
                table: "Units");

            migrationBuilder.DropColumn(
                name: "From",
                table: "Units");

            migrationBuilder.DropColumn(
                name: "Until",
                table: "Units");

            migrationBuilder.DropColumn(
                name: "CreatedAt",
                table: "StaffMember");

            migrationBuilder.DropColumn(
                name: "DisabledAt",
                table: "StaffMember");

            migrationBuilder.DropColumn(
                name: "Party",
                table: "Representatives");

            migrationBuilder.DropColumn(
                name: "Until",
                table: "Posts");

            migrationBuilder.DropColumn(
                name: "District",
                table: "Constituencies");

            migrationBuilder.DropColumn(
                name: "EndReason",
                table: "Appointments");

            migrationBuilder.DropColumn(
                name: "EndedAt",
                table: "Appointments");

            migrationBuilder.CreateIndex(
                name: "IX_Units_Code",
                table: "Units",
                column: "Code",
                unique: true);
        }
    }
}
