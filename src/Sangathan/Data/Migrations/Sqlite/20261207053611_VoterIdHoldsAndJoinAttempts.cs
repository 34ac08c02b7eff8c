using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Sangathan.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class VoterIdHoldsAndJoinAttempts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Members_VoterId",
                table: "Members");

            migrationBuilder.AddColumn<int>(
                name: "Hold",
                table: "Members",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateTable(
                name: "JoinAttempts",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Key = table.Column<string>(type: "TEXT", maxLength: 80, nullable: false),
                    At = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_JoinAttempts", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Members_VoterId",
                table: "Members",
                column: "VoterId",
                unique: true,
                filter: "\"Hold\" = 0");

            migrationBuilder.CreateIndex(
                name: "IX_JoinAttempts_Key_At",
                table: "JoinAttempts",
                columns: new[] { "Key", "At" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "JoinAttempts");

            migrationBuilder.DropIndex(
                name: "IX_Members_VoterId",
                table: "Members");

            migrationBuilder.DropColumn(
                name: "Hold",
                table: "Members");

            migrationBuilder.CreateIndex(
                name: "IX_Members_VoterId",
                table: "Members",
                column: "VoterId",
                unique: true);
        }
    }
}
