#!/usr/bin/env bash
# Builds the server's packages from the packaged server (hospital-server/target: the jar and lib/):
#   <out>/app-image/hospital-server/   a self-contained image with its own jlinked Java runtime
#   <out>/hospital-server_<version>_amd64.deb   that image in /opt, the hospital-server command, the systemd
#                                      unit, /etc/hospital/server.properties, the service user (postinst)
# Usage: build-packages.sh OUT_DIR VERSION
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
out=$1
version=$2
deb_version=${version%-SNAPSHOT}
server=$root/hospital-server/target
jpackage=${JAVA_HOME:?JAVA_HOME must name a JDK with jpackage}/bin/jpackage

[ -f "$server/hospital-server.jar" ] || { echo "build the server first: $server/hospital-server.jar" >&2; exit 1; }
rm -rf "$out"
mkdir -p "$out/input/lib"
cp "$server/hospital-server.jar" "$out/input/"
cp "$server"/lib/*.jar "$out/input/lib/"

# The JVM options the server needs (gRPC's native TLS; the libraries' use of sun.misc.Unsafe), and a heap for a
# small hospital; a larger one is set in a drop-in with JAVA_TOOL_OPTIONS.
"$jpackage" --type app-image --name hospital-server --dest "$out/app-image" \
  --input "$out/input" --main-jar hospital-server.jar --main-class org.hospital.server.HospitalServerMain \
  --app-version "$deb_version" --vendor "Hospital workstation suite" \
  --java-options "--enable-native-access=ALL-UNNAMED --sun-misc-unsafe-memory-access=allow -Xmx1g" \
  --jlink-options "--strip-debug --no-header-files --no-man-pages"

tree=$out/deb
install -d "$tree/DEBIAN" "$tree/opt" "$tree/usr/bin" "$tree/lib/systemd/system" "$tree/etc/hospital" \
  "$tree/usr/share/doc/hospital-server"
cp -a "$out/app-image/hospital-server" "$tree/opt/"
install -m 0755 "$here/server/hospital-server.sh" "$tree/usr/bin/hospital-server"
install -m 0644 "$here/server/hospital-server.service" "$tree/lib/systemd/system/"
install -m 0640 "$here/server/server.properties" "$tree/etc/hospital/"
install -m 0644 "$root/docs/operations.md" "$tree/usr/share/doc/hospital-server/"
for script in postinst prerm postrm; do
  install -m 0755 "$here/server/debian/$script" "$tree/DEBIAN/"
done
echo /etc/hospital/server.properties > "$tree/DEBIAN/conffiles"
size=$(du -sk "$tree" --exclude=DEBIAN | cut -f1)
cat > "$tree/DEBIAN/control" <<CONTROL
Package: hospital-server
Version: $deb_version
Section: misc
Priority: optional
Architecture: amd64
Depends: adduser, libc6, zlib1g, systemd
Recommends: postgresql-client
Installed-Size: $size
Maintainer: Hospital workstation suite <it@hospital.invalid>
Description: Hospital server for the hospital workstations
 One server for the receptionists', nurses', doctors' and billing clerks' workstations: gRPC over TLS, the
 patients, schedules and charts in PostgreSQL (or an embedded H2 database), printed forms, a hash-chained
 audit log. Runs as the hospital-server systemd service with its own Java runtime.
CONTROL
fakeroot dpkg-deb --build --root-owner-group "$tree" "$out/hospital-server_${deb_version}_amd64.deb" >/dev/null
echo "built $out/hospital-server_${deb_version}_amd64.deb and $out/app-image/hospital-server"
