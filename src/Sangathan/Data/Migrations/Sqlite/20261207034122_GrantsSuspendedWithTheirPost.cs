using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Sangathan.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class GrantsSuspendedWithTheirPost : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "SuspendedAt",
                table: "Grants",
                type: "TEXT",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "SuspendedAt",
                table: "Grants");
        }
    }
}
