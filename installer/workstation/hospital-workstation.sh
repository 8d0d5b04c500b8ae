#!/bin/sh
# Starts the hospital workstation; its settings are in /etc/hospital/workstation.properties.
exec /opt/hospital-workstation/bin/hospital-workstation "$@"
