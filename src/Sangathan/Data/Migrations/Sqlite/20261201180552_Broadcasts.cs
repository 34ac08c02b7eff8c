using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Sangathan.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Broadcasts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Language",
                table: "People",
                type: "TEXT",
                maxLength: 8,
                nullable: false,
                defaultValue: "hi");

            migrationBuilder.AddColumn<DateTime>(
                name: "OptedOutAt",
                table: "People",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "PreferredChannel",
                table: "People",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Language",
                table: "Members",
                type: "TEXT",
                maxLength: 8,
                nullable: false,
                defaultValue: "hi");

            migrationBuilder.AddColumn<DateTime>(
                name: "OptedOutAt",
                table: "Members",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "PreferredChannel",
                table: "Members",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "Broadcasts",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Title = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false),
                    UnitId = table.Column<int>(type: "INTEGER", nullable: false),
                    OfficeBearers = table.Column<bool>(type: "INTEGER", nullable: false),
                    LevelKeys = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    PostKeys = table.Column<string>(type: "TEXT", maxLength: 400, nullable: true),
                    Enrollers = table.Column<bool>(type: "INTEGER", nullable: false),
                    Members = table.Column<bool>(type: "INTEGER", nullable: false),
                    Category = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    Language = table.Column<string>(type: "TEXT", maxLength: 8, nullable: true),
                    UseSms = table.Column<bool>(type: "INTEGER", nullable: false),
                    UseEmail = table.Column<bool>(type: "INTEGER", nullable: false),
                    UseWhatsApp = table.Column<bool>(type: "INTEGER", nullable: false),
                    TextEn = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    TextHi = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    SubjectEn = table.Column<string>(type: "TEXT", maxLength: 150, nullable: true),
                    SubjectHi = table.Column<string>(type: "TEXT", maxLength: 150, nullable: true),
                    SenderId = table.Column<string>(type: "TEXT", maxLength: 11, nullable: true),
                    DltTemplateId = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    WhatsAppTemplate = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    Audience = table.Column<int>(type: "INTEGER", nullable: false),
                    Queued = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    SendAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    QueuedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    FinishedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    CancelledAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    ApprovedBy = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    ApprovedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    CancelledBy = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Broadcasts", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Broadcasts_Units_UnitId",
                        column: x => x.UnitId,
                        principalTable: "Units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "WhatsAppUse",
                columns: table => new
                {
                    Hour = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Started = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_WhatsAppUse", x => x.Hour);
                });

            migrationBuilder.CreateTable(
                name: "BroadcastMessages",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    BroadcastId = table.Column<int>(type: "INTEGER", nullable: false),
                    RecipientKind = table.Column<short>(type: "INTEGER", nullable: false),
                    RecipientId = table.Column<int>(type: "INTEGER", nullable: false),
                    Channel = table.Column<int>(type: "INTEGER", nullable: false),
                    Address = table.Column<string>(type: "TEXT", maxLength: 254, nullable: false),
                    Language = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 150, nullable: false),
                    UnitName = table.Column<string>(type: "TEXT", maxLength: 150, nullable: true),
                    PostName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Status = table.Column<short>(type: "INTEGER", nullable: false),
                    Attempts = table.Column<short>(type: "INTEGER", nullable: false),
                    NextAttemptAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    LeaseUntil = table.Column<DateTime>(type: "TEXT", nullable: true),
                    SentAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ReportedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    GatewayId = table.Column<string>(type: "TEXT", maxLength: 128, nullable: true),
                    Error = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_BroadcastMessages", x => x.Id);
                    table.ForeignKey(
                        name: "FK_BroadcastMessages_Broadcasts_BroadcastId",
                        column: x => x.BroadcastId,
                        principalTable: "Broadcasts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_BroadcastMessages_BroadcastId_Channel_Address",
                table: "BroadcastMessages",
                columns: new[] { "BroadcastId", "Channel", "Address" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_BroadcastMessages_BroadcastId_Status_Channel_Id",
                table: "BroadcastMessages",
                columns: new[] { "BroadcastId", "Status", "Channel", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Broadcasts_Status_SendAt",
                table: "Broadcasts",
                columns: new[] { "Status", "SendAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Broadcasts_UnitId_Id",
                table: "Broadcasts",
                columns: new[] { "UnitId", "Id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "BroadcastMessages");

            migrationBuilder.DropTable(
                name: "WhatsAppUse");

            migrationBuilder.DropTable(
                name: "Broadcasts");

            migrationBuilder.DropColumn(
                name: "Language",
                table: "People");

            migrationBuilder.DropColumn(
                name: "OptedOutAt",
                table: "People");

            migrationBuilder.DropColumn(
                name: "PreferredChannel",
                table: "People");

            migrationBuilder.DropColumn(
                name: "Language",
                table: "Members");

            migrationBuilder.DropColumn(
                name: "OptedOutAt",
                table: "Members");

            migrationBuilder.DropColumn(
                name: "PreferredChannel",
                table: "Members");
        }
    }
}
