"""Reading plan and catalogue files: YAML events with positions, files and directories, schema
errors as findings, and plans by name."""
