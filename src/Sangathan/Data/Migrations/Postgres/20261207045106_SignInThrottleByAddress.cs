using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Sangathan.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class SignInThrottleByAddress : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Address",
                table: "SignInFailure",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "SignInWarning",
                columns: table => new
                {
                    Key = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: false),
                    At = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SignInWarning", x => x.Key);
                });

            migrationBuilder.CreateIndex(
                name: "IX_SignInFailure_Address_At",
                table: "SignInFailure",
                columns: new[] { "Address", "At" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "SignInWarning");

            migrationBuilder.DropIndex(
                name: "IX_SignInFailure_Address_At",
                table: "SignInFailure");

            migrationBuilder.DropColumn(
                name: "Address",
                table: "SignInFailure");
        }
    }
}
