using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Sangathan.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class WarRoomDashboards : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropPrimaryKey(
                name: "PK_MemberTallies",
                table: "MemberTallies");

            migrationBuilder.AddColumn<int>(
                name: "Gender",
                table: "MemberTallies",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "EnrollerId",
                table: "MemberCountChanges",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Flagged",
                table: "MemberCountChanges",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "Gender",
                table: "MemberCountChanges",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddPrimaryKey(
                name: "PK_MemberTallies",
                table: "MemberTallies",
                columns: new[] { "UnitId", "Status", "Category", "Gender" });

            migrationBuilder.CreateTable(
                name: "DailySnapshots",
                columns: table => new
                {
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    ScopeId = table.Column<int>(type: "INTEGER", nullable: false),
                    Day = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Joined = table.Column<long>(type: "INTEGER", nullable: false),
                    Verified = table.Column<long>(type: "INTEGER", nullable: false),
                    Flagged = table.Column<long>(type: "INTEGER", nullable: false),
                    Seats = table.Column<int>(type: "INTEGER", nullable: false),
                    SeatsFilled = table.Column<int>(type: "INTEGER", nullable: false),
                    Booths = table.Column<int>(type: "INTEGER", nullable: false),
                    BoothsFull = table.Column<int>(type: "INTEGER", nullable: false),
                    BoothsWithBearer = table.Column<int>(type: "INTEGER", nullable: false),
                    BoothsCovered = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DailySnapshots", x => new { x.Kind, x.ScopeId, x.Day });
                });

            migrationBuilder.CreateTable(
                name: "EnrollerTallies",
                columns: table => new
                {
                    UnitId = table.Column<int>(type: "INTEGER", nullable: false),
                    EnrollerId = table.Column<int>(type: "INTEGER", nullable: false),
                    Joined = table.Column<long>(type: "INTEGER", nullable: false),
                    Confirmed = table.Column<long>(type: "INTEGER", nullable: false),
                    Verified = table.Column<long>(type: "INTEGER", nullable: false),
                    Rejected = table.Column<long>(type: "INTEGER", nullable: false),
                    Flagged = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EnrollerTallies", x => new { x.UnitId, x.EnrollerId });
                });

            migrationBuilder.CreateTable(
                name: "ExpectedUnits",
                columns: table => new
                {
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    ScopeId = table.Column<int>(type: "INTEGER", nullable: false),
                    LevelId = table.Column<int>(type: "INTEGER", nullable: false),
                    Count = table.Column<int>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ExpectedUnits", x => new { x.Kind, x.ScopeId, x.LevelId });
                    table.ForeignKey(
                        name: "FK_ExpectedUnits_Levels_LevelId",
                        column: x => x.LevelId,
                        principalTable: "Levels",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Goals",
                columns: table => new
                {
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    ScopeId = table.Column<int>(type: "INTEGER", nullable: false),
                    Members = table.Column<int>(type: "INTEGER", nullable: true),
                    From = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Until = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    VerifiedPerBooth = table.Column<int>(type: "INTEGER", nullable: true),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Goals", x => new { x.Kind, x.ScopeId });
                });

            migrationBuilder.CreateTable(
                name: "Leases",
                columns: table => new
                {
                    Name = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Holder = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    Until = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Leases", x => x.Name);
                });

            migrationBuilder.CreateTable(
                name: "MemberTotals",
                columns: table => new
                {
                    UnitId = table.Column<int>(type: "INTEGER", nullable: false),
                    Joined = table.Column<long>(type: "INTEGER", nullable: false),
                    Verified = table.Column<long>(type: "INTEGER", nullable: false),
                    Rejected = table.Column<long>(type: "INTEGER", nullable: false),
                    Flagged = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MemberTotals", x => x.UnitId);
                });

            migrationBuilder.CreateIndex(
                name: "IX_EnrollerTallies_UnitId_Joined",
                table: "EnrollerTallies",
                columns: new[] { "UnitId", "Joined" });

            migrationBuilder.CreateIndex(
                name: "IX_ExpectedUnits_LevelId",
                table: "ExpectedUnits",
                column: "LevelId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "DailySnapshots");

            migrationBuilder.DropTable(
                name: "EnrollerTallies");

            migrationBuilder.DropTable(
                name: "ExpectedUnits");

            migrationBuilder.DropTable(
                name: "Goals");

            migrationBuilder.DropTable(
                name: "Leases");

            migrationBuilder.DropTable(
                name: "MemberTotals");

            migrationBuilder.DropPrimaryKey(
                name: "PK_MemberTallies",
                table: "MemberTallies");

            migrationBuilder.DropColumn(
                name: "Gender",
                table: "MemberTallies");

            migrationBuilder.DropColumn(
                name: "EnrollerId",
                table: "MemberCountChanges");

            migrationBuilder.DropColumn(
                name: "Flagged",
                table: "MemberCountChanges");

            migrationBuilder.DropColumn(
                name: "Gender",
                table: "MemberCountChanges");

            migrationBuilder.AddPrimaryKey(
                name: "PK_MemberTallies",
                table: "MemberTallies",
                columns: new[] { "UnitId", "Status", "Category" });
        }
    }
}
