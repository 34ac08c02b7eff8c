using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Sangathan.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Meetings : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "ExceptDeclined",
                table: "Broadcasts",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<int>(
                name: "MeetingId",
                table: "Broadcasts",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "WhatsAppFields",
                table: "Broadcasts",
                type: "character varying(500)",
                maxLength: 500,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "Meetings",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    UnitId = table.Column<int>(type: "integer", nullable: false),
                    Title = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Agenda = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    StartsAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    EndsAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Month = table.Column<int>(type: "integer", nullable: false),
                    Place = table.Column<string>(type: "character varying(150)", maxLength: 150, nullable: true),
                    VideoLink = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    OfficeBearers = table.Column<bool>(type: "boolean", nullable: false),
                    LevelKeys = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    PostKeys = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: true),
                    Members = table.Column<bool>(type: "boolean", nullable: false),
                    Category = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    UseSms = table.Column<bool>(type: "boolean", nullable: false),
                    UseEmail = table.Column<bool>(type: "boolean", nullable: false),
                    UseWhatsApp = table.Column<bool>(type: "boolean", nullable: false),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    Invited = table.Column<int>(type: "integer", nullable: false),
                    Came = table.Column<int>(type: "integer", nullable: false),
                    Late = table.Column<int>(type: "integer", nullable: false),
                    NoticeId = table.Column<int>(type: "integer", nullable: true),
                    ReminderId = table.Column<int>(type: "integer", nullable: true),
                    Notes = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: true),
                    Decisions = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: true),
                    MinutesAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    MinutesBy = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    CreatedBy = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    CancelledAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Meetings", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Meetings_Units_UnitId",
                        column: x => x.UnitId,
                        principalTable: "Units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "MeetingInvitees",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    MeetingId = table.Column<int>(type: "integer", nullable: false),
                    Kind = table.Column<short>(type: "smallint", nullable: false),
                    RecipientId = table.Column<int>(type: "integer", nullable: false),
                    Invited = table.Column<bool>(type: "boolean", nullable: false),
                    Answer = table.Column<short>(type: "smallint", nullable: true),
                    AnsweredAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    ArrivedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Late = table.Column<bool>(type: "boolean", nullable: false),
                    How = table.Column<short>(type: "smallint", nullable: true),
                    Reason = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    MarkedBy = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MeetingInvitees", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MeetingInvitees_Meetings_MeetingId",
                        column: x => x.MeetingId,
                        principalTable: "Meetings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "MeetingPhotos",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    MeetingId = table.Column<int>(type: "integer", nullable: false),
                    PhotoId = table.Column<int>(type: "integer", nullable: false),
                    AddedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    AddedBy = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MeetingPhotos", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MeetingPhotos_Meetings_MeetingId",
                        column: x => x.MeetingId,
                        principalTable: "Meetings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_MeetingPhotos_Photos_PhotoId",
                        column: x => x.PhotoId,
                        principalTable: "Photos",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "MeetingScans",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    MeetingId = table.Column<int>(type: "integer", nullable: false),
                    Key = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    InviteeId = table.Column<long>(type: "bigint", nullable: true),
                    Verdict = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    At = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MeetingScans", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MeetingScans_Meetings_MeetingId",
                        column: x => x.MeetingId,
                        principalTable: "Meetings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Broadcasts_MeetingId",
                table: "Broadcasts",
                column: "MeetingId");

            migrationBuilder.CreateIndex(
                name: "IX_MeetingInvitees_Kind_RecipientId_MeetingId",
                table: "MeetingInvitees",
                columns: new[] { "Kind", "RecipientId", "MeetingId" });

            migrationBuilder.CreateIndex(
                name: "IX_MeetingInvitees_MeetingId_Kind_RecipientId",
                table: "MeetingInvitees",
                columns: new[] { "MeetingId", "Kind", "RecipientId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_MeetingPhotos_MeetingId",
                table: "MeetingPhotos",
                column: "MeetingId");

            migrationBuilder.CreateIndex(
                name: "IX_MeetingPhotos_PhotoId",
                table: "MeetingPhotos",
                column: "PhotoId");

            migrationBuilder.CreateIndex(
                name: "IX_Meetings_UnitId_Month",
                table: "Meetings",
                columns: new[] { "UnitId", "Month" });

            migrationBuilder.CreateIndex(
                name: "IX_Meetings_UnitId_StartsAt",
                table: "Meetings",
                columns: new[] { "UnitId", "StartsAt" });

            migrationBuilder.CreateIndex(
                name: "IX_MeetingScans_MeetingId_Key",
                table: "MeetingScans",
                columns: new[] { "MeetingId", "Key" },
                unique: true);

            migrationBuilder.AddForeignKey(
                name: "FK_Broadcasts_Meetings_MeetingId",
                table: "Broadcasts",
                column: "MeetingId",
                principalTable: "Meetings",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_Broadcasts_Meetings_MeetingId",
                table: "Broadcasts");

            migrationBuilder.DropTable(
                name: "MeetingInvitees");

            migrationBuilder.DropTable(
                name: "MeetingPhotos");

            migrationBuilder.DropTable(
                name: "MeetingScans");

            migrationBuilder.DropTable(
                name: "Meetings");

            migrationBuilder.DropIndex(
                name: "IX_Broadcasts_MeetingId",
                table: "Broadcasts");

            migrationBuilder.DropColumn(
                name: "ExceptDeclined",
                table: "Broadcasts");

            migrationBuilder.DropColumn(
                name: "MeetingId",
                table: "Broadcasts");

            migrationBuilder.DropColumn(
                name: "WhatsAppFields",
                table: "Broadcasts");
        }
    }
}
