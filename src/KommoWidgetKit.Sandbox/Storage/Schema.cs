namespace KommoWidgetKit.Sandbox.Storage;

/// <summary>DDL of the sandbox tables; every name starts with <c>api_</c> because the host keeps its own tables in the same file.</summary>
internal static class Schema
{
    public const int Version = 1;

    public static readonly string[] Tables =
    [
        "api_meta", "api_groups", "api_users", "api_pipelines", "api_statuses", "api_loss_reasons", "api_task_types",
        "api_custom_fields", "api_custom_field_groups", "api_tags", "api_entity_tags", "api_leads", "api_contacts",
        "api_companies", "api_customers", "api_links", "api_tasks", "api_notes", "api_widgets",
    ];

    // Custom field values are kept as JSON text in cf_json: [{"field_id":1,"values":[{"value":..,"enum_id":..}]}].
    public const string Create = """
        CREATE TABLE IF NOT EXISTS api_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
        CREATE TABLE IF NOT EXISTS api_groups (id INTEGER PRIMARY KEY, name TEXT NOT NULL, uuid TEXT);
        CREATE TABLE IF NOT EXISTS api_users (
            id INTEGER PRIMARY KEY AUTOINCREMENT, name TEXT NOT NULL, email TEXT NOT NULL, lang TEXT NOT NULL,
            is_admin INTEGER NOT NULL, is_free INTEGER NOT NULL, is_active INTEGER NOT NULL, group_id INTEGER,
            role_id INTEGER, uuid TEXT NOT NULL, amojo_id TEXT NOT NULL, phone TEXT, user_rank TEXT NOT NULL);
        CREATE TABLE IF NOT EXISTS api_pipelines (
            id INTEGER PRIMARY KEY AUTOINCREMENT, name TEXT NOT NULL, sort INTEGER NOT NULL, is_main INTEGER NOT NULL,
            is_unsorted_on INTEGER NOT NULL, is_archive INTEGER NOT NULL);
        CREATE TABLE IF NOT EXISTS api_statuses (
            pipeline_id INTEGER NOT NULL, id INTEGER NOT NULL, name TEXT NOT NULL, sort INTEGER NOT NULL,
            is_editable INTEGER NOT NULL, color TEXT NOT NULL, type INTEGER NOT NULL, descriptions TEXT NOT NULL DEFAULT '[]',
            PRIMARY KEY (pipeline_id, id));
        CREATE TABLE IF NOT EXISTS api_loss_reasons (
            id INTEGER PRIMARY KEY AUTOINCREMENT, name TEXT NOT NULL, sort INTEGER NOT NULL, created_at INTEGER NOT NULL,
            updated_at INTEGER NOT NULL);
        CREATE TABLE IF NOT EXISTS api_task_types (
            id INTEGER PRIMARY KEY, name TEXT NOT NULL, color TEXT, icon_id INTEGER, code TEXT);
        CREATE TABLE IF NOT EXISTS api_custom_fields (
            id INTEGER PRIMARY KEY AUTOINCREMENT, entity_type TEXT NOT NULL, name TEXT NOT NULL, type TEXT NOT NULL,
            code TEXT, sort INTEGER NOT NULL, is_api_only INTEGER NOT NULL, enums TEXT, group_id TEXT,
            required_statuses TEXT NOT NULL DEFAULT '[]', is_deletable INTEGER NOT NULL, is_predefined INTEGER NOT NULL,
            remind TEXT, currency TEXT, settings TEXT);
        CREATE TABLE IF NOT EXISTS api_custom_field_groups (
            id TEXT PRIMARY KEY, entity_type TEXT NOT NULL, name TEXT NOT NULL, sort INTEGER NOT NULL,
            is_predefined INTEGER NOT NULL);
        CREATE TABLE IF NOT EXISTS api_tags (
            id INTEGER PRIMARY KEY AUTOINCREMENT, entity_type TEXT NOT NULL, name TEXT NOT NULL, color TEXT);
        CREATE UNIQUE INDEX IF NOT EXISTS api_tags_name ON api_tags (entity_type, name COLLATE NOCASE);
        CREATE TABLE IF NOT EXISTS api_entity_tags (
            entity_type TEXT NOT NULL, entity_id INTEGER NOT NULL, tag_id INTEGER NOT NULL,
            PRIMARY KEY (entity_type, entity_id, tag_id));
        CREATE TABLE IF NOT EXISTS api_leads (
            id INTEGER PRIMARY KEY AUTOINCREMENT, name TEXT NOT NULL, price INTEGER NOT NULL,
            responsible_user_id INTEGER NOT NULL, group_id INTEGER NOT NULL, status_id INTEGER NOT NULL,
            pipeline_id INTEGER NOT NULL, loss_reason_id INTEGER, source_id INTEGER, created_by INTEGER NOT NULL,
            updated_by INTEGER NOT NULL, created_at INTEGER NOT NULL, updated_at INTEGER NOT NULL, closed_at INTEGER,
            is_deleted INTEGER NOT NULL DEFAULT 0, score INTEGER, labor_cost INTEGER, cf_json TEXT NOT NULL DEFAULT '[]');
        CREATE TABLE IF NOT EXISTS api_contacts (
            id INTEGER PRIMARY KEY AUTOINCREMENT, name TEXT NOT NULL, first_name TEXT NOT NULL, last_name TEXT NOT NULL,
            responsible_user_id INTEGER NOT NULL, group_id INTEGER NOT NULL, created_by INTEGER NOT NULL,
            updated_by INTEGER NOT NULL, created_at INTEGER NOT NULL, updated_at INTEGER NOT NULL,
            is_deleted INTEGER NOT NULL DEFAULT 0, cf_json TEXT NOT NULL DEFAULT '[]');
        CREATE TABLE IF NOT EXISTS api_companies (
            id INTEGER PRIMARY KEY AUTOINCREMENT, name TEXT NOT NULL, responsible_user_id INTEGER NOT NULL,
            group_id INTEGER NOT NULL, created_by INTEGER NOT NULL, updated_by INTEGER NOT NULL,
            created_at INTEGER NOT NULL, updated_at INTEGER NOT NULL, is_deleted INTEGER NOT NULL DEFAULT 0,
            cf_json TEXT NOT NULL DEFAULT '[]');
        CREATE TABLE IF NOT EXISTS api_customers (
            id INTEGER PRIMARY KEY AUTOINCREMENT, name TEXT NOT NULL, next_price INTEGER NOT NULL, next_date INTEGER,
            responsible_user_id INTEGER NOT NULL, group_id INTEGER NOT NULL, status_id INTEGER, periodicity INTEGER NOT NULL,
            created_by INTEGER NOT NULL, updated_by INTEGER NOT NULL, created_at INTEGER NOT NULL,
            updated_at INTEGER NOT NULL, is_deleted INTEGER NOT NULL DEFAULT 0, ltv INTEGER NOT NULL DEFAULT 0,
            purchases_count INTEGER NOT NULL DEFAULT 0, average_check INTEGER NOT NULL DEFAULT 0,
            cf_json TEXT NOT NULL DEFAULT '[]');
        CREATE TABLE IF NOT EXISTS api_links (
            entity_type TEXT NOT NULL, entity_id INTEGER NOT NULL, to_entity_type TEXT NOT NULL,
            to_entity_id INTEGER NOT NULL, is_main INTEGER NOT NULL DEFAULT 0,
            PRIMARY KEY (entity_type, entity_id, to_entity_type, to_entity_id));
        CREATE TABLE IF NOT EXISTS api_tasks (
            id INTEGER PRIMARY KEY AUTOINCREMENT, created_by INTEGER NOT NULL, updated_by INTEGER NOT NULL,
            created_at INTEGER NOT NULL, updated_at INTEGER NOT NULL, responsible_user_id INTEGER NOT NULL,
            group_id INTEGER NOT NULL, entity_id INTEGER, entity_type TEXT, duration INTEGER NOT NULL,
            is_completed INTEGER NOT NULL, task_type_id INTEGER NOT NULL, text TEXT NOT NULL, result_text TEXT,
            complete_till INTEGER NOT NULL);
        CREATE INDEX IF NOT EXISTS api_tasks_entity ON api_tasks (entity_type, entity_id, is_completed);
        CREATE TABLE IF NOT EXISTS api_notes (
            id INTEGER PRIMARY KEY AUTOINCREMENT, entity_type TEXT NOT NULL, entity_id INTEGER NOT NULL,
            created_by INTEGER NOT NULL, updated_by INTEGER NOT NULL, created_at INTEGER NOT NULL,
            updated_at INTEGER NOT NULL, responsible_user_id INTEGER NOT NULL, group_id INTEGER NOT NULL,
            note_type TEXT NOT NULL, params TEXT NOT NULL, is_pinned INTEGER NOT NULL DEFAULT 0);
        CREATE INDEX IF NOT EXISTS api_notes_entity ON api_notes (entity_type, entity_id);
        CREATE TABLE IF NOT EXISTS api_widgets (
            code TEXT PRIMARY KEY, id INTEGER NOT NULL, version TEXT NOT NULL, rating TEXT NOT NULL,
            settings_template TEXT NOT NULL, is_lead_source INTEGER NOT NULL, is_work_with_dp INTEGER NOT NULL,
            is_crm_template INTEGER NOT NULL, client_uuid TEXT, is_active_in_account INTEGER NOT NULL,
            pipeline_id INTEGER, settings TEXT, is_own INTEGER NOT NULL DEFAULT 0);
        """;
}
