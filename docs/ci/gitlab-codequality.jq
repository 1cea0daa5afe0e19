# kommo-widget validate --format json  ->  GitLab Code Quality report (a JSON array of issues).
# Usage: kommo-widget validate PATH --format json | jq -f gitlab-codequality.jq > gl-code-quality-report.json
# Paths: a finding's "path" is relative to the widget ("source", as given on the command line), so the file's path from
# the repository root is source + "/" + path; for a .zip the archive itself is the location and the position inside
# it goes into the description (the issue is on line 1 of the archive). Run validate from the repository root with a relative PATH.
# Severity: error -> major, warning -> minor, info -> info.
# Fingerprint: base64 of rule, file, line, column and message: stable across runs and unique per finding.
(.source | sub("^\\./"; "") | sub("/+$"; "") | if . == "" then "." else . end) as $src
| ($src | test("\\.zip$"; "i")) as $zip
| [ .diagnostics[]
    | (if $zip or .path == "" then $src elif $src == "." then .path else $src + "/" + .path end) as $file
    | {
        description: ((if $zip and .path != "" then "\(.path)\(if .line then ":\(.line)" else "" end): " else "" end)
                      + "\(.id) \(.name): \(.message)"),
        check_name: .id,
        fingerprint: ([.id, $file, (.line // 0 | tostring), (.column // 0 | tostring), .message] | join(":") | @base64),
        severity: ({"error": "major", "warning": "minor", "info": "info"}[.severity] // "info"),
        location: { path: $file, lines: { begin: (if $zip then 1 else .line // 1 end) } }
      } ]
