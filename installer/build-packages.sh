#!/usr/bin/env bash
# Builds the suite's packages from the packaged modules (hospital-server/target and desktop-client/target):
#   <out>/app-image/hospital-server/        the server with its own jlinked Java runtime
#   <out>/app-image/hospital-workstation/   the workstation with its own runtime, JavaFX and its natives inside
#   <out>/hospital-server_<version>_amd64.deb       the server image in /opt, the hospital-server command, the
#                                           systemd unit, /etc/hospital/server.properties, the service user
#   <out>/hospital-workstation_<version>_amd64.deb  the workstation image in /opt, a desktop entry and icon,
#                                           /etc/hospital/workstation.properties
# Usage: build-packages.sh OUT_DIR VERSION [server|workstation]    (run by: ./mvnw -B -ntp package -Ppackages -DskipTests)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
out=$1
version=$2
deb_version=${version%-SNAPSHOT}
server=$root/hospital-server/target
client=$root/desktop-client/target
jdk=${JAVA_HOME:?JAVA_HOME must name a JDK with jpackage and jlink}
vendor="Hospital workstation suite"

for jar in "$server/hospital-server.jar" "$client/desktop-client.jar"; do
  [ -f "$jar" ] || { echo "package the modules first: $jar is missing" >&2; exit 1; }
done
rm -rf "$out"
mkdir -p "$out"

# Writes DEBIAN/control for the tree $1 and builds the package $2 from it.
build_deb() {
  local tree=$1 package=$2 depends=$3 description=$4
  local size
  size=$(du -sk "$tree" --exclude=DEBIAN | cut -f1)
  cat > "$tree/DEBIAN/control" <<CONTROL
Package: $package
Version: $deb_version
Section: misc
Priority: optional
Architecture: amd64
Depends: $depends
Installed-Size: $size
Maintainer: $vendor <it@hospital.invalid>
Description: $description
CONTROL
  fakeroot dpkg-deb --build --root-owner-group "$tree" "$out/${package}_${deb_version}_amd64.deb" >/dev/null
}

server_packages() {
  mkdir -p "$out/server-input/lib"
  cp "$server/hospital-server.jar" "$out/server-input/"
  cp "$server"/lib/*.jar "$out/server-input/lib/"
  # The JVM options the server needs (gRPC's native TLS; the libraries' use of sun.misc.Unsafe), and a heap for
  # a small hospital; a larger one is set in a drop-in with JAVA_TOOL_OPTIONS.
  "$jdk/bin/jpackage" --type app-image --name hospital-server --dest "$out/app-image" \
    --input "$out/server-input" --main-jar hospital-server.jar --main-class org.hospital.server.HospitalServerMain \
    --app-version "$deb_version" --vendor "$vendor" \
    --java-options "--enable-native-access=ALL-UNNAMED --sun-misc-unsafe-memory-access=allow -Xmx1g" \
    --jlink-options "--strip-debug --no-header-files --no-man-pages"

  local tree=$out/server-deb
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
  build_deb "$tree" hospital-server "adduser, libc6, zlib1g, systemd" "Hospital server for the hospital workstations
 One server for the receptionists', nurses', doctors' and billing clerks' workstations: gRPC over TLS, the
 patients, schedules and charts in PostgreSQL (or an embedded H2 database), printed forms, a hash-chained
 audit log. Runs as the hospital-server systemd service with its own Java runtime."
}

workstation_packages() {
  # JavaFX goes into the runtime as named modules (no "unnamed module" warning) and its native libraries into
  # the runtime's lib/, where JavaFX loads them from: nothing is unpacked into the user's home at first start.
  local fx=$out/javafx natives=$out/javafx-natives
  mkdir -p "$fx" "$natives" "$out/workstation-input/lib"
  cp "$client"/lib/javafx-*-linux.jar "$fx/"
  for jar in "$fx"/javafx-*-linux.jar; do
    (cd "$natives" && "$jdk/bin/jar" xf "$jar" $("$jdk/bin/jar" tf "$jar" | grep '\.so$'))
  done
  # java.naming: gRPC's DNS resolver; java.instrument: monitoring agents IT may attach; jdk.localedata: the
  # Spanish dates and numbers; jdk.charsets: files from other systems.
  "$jdk/bin/jlink" --module-path "$fx" --output "$out/workstation-runtime" \
    --add-modules java.base,java.logging,java.naming,java.management,java.instrument,jdk.unsupported,jdk.localedata,jdk.charsets,javafx.controls \
    --strip-debug --no-header-files --no-man-pages
  cp "$natives"/*.so "$out/workstation-runtime/lib/"
  cp "$client/desktop-client.jar" "$out/workstation-input/"
  find "$client/lib" -name '*.jar' ! -name 'javafx-*' -exec cp {} "$out/workstation-input/lib/" \;
  "$jdk/bin/jpackage" --type app-image --name hospital-workstation --dest "$out/app-image" \
    --runtime-image "$out/workstation-runtime" --input "$out/workstation-input" \
    --main-jar desktop-client.jar --main-class org.hospital.client.ClientLauncher \
    --icon "$here/workstation/hospital-workstation.png" \
    --app-version "$deb_version" --vendor "$vendor" \
    --java-options "--enable-native-access=javafx.graphics,ALL-UNNAMED --sun-misc-unsafe-memory-access=allow"

  local tree=$out/workstation-deb
  install -d "$tree/DEBIAN" "$tree/opt" "$tree/usr/bin" "$tree/etc/hospital" "$tree/usr/share/applications" \
    "$tree/usr/share/icons/hicolor/256x256/apps"
  cp -a "$out/app-image/hospital-workstation" "$tree/opt/"
  install -m 0755 "$here/workstation/hospital-workstation.sh" "$tree/usr/bin/hospital-workstation"
  install -m 0644 "$here/workstation/workstation.properties" "$tree/etc/hospital/"
  install -m 0644 "$here/workstation/hospital-workstation.desktop" "$tree/usr/share/applications/"
  install -m 0644 "$here/workstation/hospital-workstation.png" "$tree/usr/share/icons/hicolor/256x256/apps/"
  echo /etc/hospital/workstation.properties > "$tree/DEBIAN/conffiles"
  build_deb "$tree" hospital-workstation "libc6, libgtk-3-0, libgl1, libx11-6, libxtst6, fonts-dejavu-core" \
    "Hospital workstation: reception, wards, charts and billing
 The desktop client of the hospital workstation suite for receptionists, nurses, doctors and billing clerks.
 Connects over TLS to the hospital server named in /etc/hospital/workstation.properties. Carries its own
 Java runtime and JavaFX."
}

case "${3:-both}" in
  server) server_packages ;;
  workstation) workstation_packages ;;
  *) server_packages; workstation_packages ;;
esac
echo "built in $out: $(cd "$out" && ls ./*.deb | tr '\n' ' ')and app-image/"
