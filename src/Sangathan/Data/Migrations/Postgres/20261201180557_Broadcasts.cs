using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Sangathan.Data.Migrations.Postgres
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
                type: "character varying(8)",
                maxLength: 8,
                nullable: false,
                defaultValue: "hi");

            migrationBuilder.AddColumn<DateTime>(
                name: "OptedOutAt",
                table: "People",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "PreferredChannel",
                table: "People",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Language",
                table: "Members",
                type: "character varying(8)",
                maxLength: 8,
                nullable: false,
                defaultValue: "hi");

            migrationBuilder.AddColumn<DateTime>(
                name: "OptedOutAt",
                table: "Members",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "PreferredChannel",
                table: "Members",
                type: "integer",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "Broadcasts",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Title = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    UnitId = table.Column<int>(type: "integer", nullable: false),
                    OfficeBearers = table.Column<bool>(type: "boolean", nullable: false),
                    LevelKeys = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    PostKeys = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: true),
                    Enrollers = table.Column<bool>(type: "boolean", nullable: false),
                    Members = table.Column<bool>(type: "boolean", nullable: false),
                    Category = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    Language = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: true),
                    UseSms = table.Column<bool>(type: "boolean", nullable: false),
                    UseEmail = table.Column<bool>(type: "boolean", nullable: false),
                    UseWhatsApp = table.Column<bool>(type: "boolean", nullable: false),
                    TextEn = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    TextHi = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    SubjectEn = table.Column<string>(type: "character varying(150)", maxLength: 150, nullable: true),
                    SubjectHi = table.Column<string>(type: "character varying(150)", maxLength: 150, nullable: true),
                    SenderId = table.Column<string>(type: "character varying(11)", maxLength: 11, nullable: true),
                    DltTemplateId = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    WhatsAppTemplate = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    Audience = table.Column<int>(type: "integer", nullable: false),
                    Queued = table.Column<int>(type: "integer", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    SendAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    QueuedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    FinishedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    CancelledAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    CreatedBy = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    ApprovedBy = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    ApprovedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    CancelledBy = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true)
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
                    Hour = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Started = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_WhatsAppUse", x => x.Hour);
                });

            migrationBuilder.CreateTable(
                name: "BroadcastMessages",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    BroadcastId = table.Column<int>(type: "integer", nullable: false),
                    RecipientKind = table.Column<short>(type: "smallint", nullable: false),
                    RecipientId = table.Column<int>(type: "integer", nullable: false),
                    Channel = table.Column<int>(type: "integer", nullable: false),
                    Address = table.Column<string>(type: "character varying(254)", maxLength: 254, nullable: false),
                    Language = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    Name = table.Column<string>(type: "character varying(150)", maxLength: 150, nullable: false),
                    UnitName = table.Column<string>(type: "character varying(150)", maxLength: 150, nullable: true),
                    PostName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    Status = table.Column<short>(type: "smallint", nullable: false),
                    Attempts = table.Column<short>(type: "smallint", nullable: false),
                    NextAttemptAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    LeaseUntil = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    SentAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    ReportedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    GatewayId = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: true),
                    Error = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true)
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
