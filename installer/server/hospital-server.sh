#!/bin/sh
# The hospital server's commands (serve, create-admin, backup, restore, verify-audit, health, help) with the
# installed configuration, unless the command line names another one with --config.
app=/opt/hospital-server/bin/hospital-server
case " $* " in
  *" --config"*) exec "$app" "$@" ;;
esac
case "${1:-}" in
  ""|-*) exec "$app" serve --config=/etc/hospital/server.properties "$@" ;;
esac
command=$1
shift
exec "$app" "$command" --config=/etc/hospital/server.properties "$@"
