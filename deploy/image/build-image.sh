#!/usr/bin/env bash
# Builds the l2o container image as an OCI/Docker tarball, with no Docker daemon and no registry:
#   1. a JRE made with jlink from the local JDK (only the modules l2o uses), plus the shared libraries that
#      `ldd` lists for it, form the image's root file system (deploy/target/image-root);
#   2. Jib (Maven profile `image`) lays the application's libraries, resources and classes over it on a
#      `scratch` base and writes deploy/target/l2o-image.tar.
# Load it where a container runtime exists: `docker load -i deploy/target/l2o-image.tar` or
# `podman load -i …`; or push it with `crane push` / `skopeo copy docker-archive:…`.
# Usage: deploy/image/build-image.sh [IMAGE_NAME]        (default l2o:<project version>)
# Needs: JDK 17+ with jlink and jdeps, Maven, ldd; Linux x86-64 (the libraries are copied from this machine).
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
target="$root/deploy/target"
rootfs="$target/image-root"
java_home="${JAVA_HOME:-$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")}"

echo "l2o image: building the application" >&2
mvn -B -q -f "$root/pom.xml" -pl deploy -am -DskipTests package

echo "l2o image: making the JRE" >&2
rm -rf "$rootfs"
mkdir -p "$rootfs/opt" "$rootfs/tmp" "$rootfs/data"
# the modules the application needs, from jdeps; the rest are loaded reflectively or by service lookup
modules="$("$java_home/bin/jdeps" --ignore-missing-deps --print-module-deps --multi-release 17 \
    "$target/l2o-all.jar" 2>/dev/null || echo "java.se")"
modules="$modules,jdk.crypto.ec,jdk.zipfs,jdk.httpserver,jdk.unsupported,jdk.naming.dns,jdk.localedata"
# --generate-cds-archive: the JRE gets its default class-data-sharing archive (lib/server/classes.jsa), which a
# jlink image otherwise lacks, so the JDK's ~2,500 classes a run loads are mapped instead of parsed (-Xshare:auto)
"$java_home/bin/jlink" --add-modules "$modules" --strip-debug --no-header-files --no-man-pages \
    --compress=2 --generate-cds-archive --output "$rootfs/opt/java"
# Debian's JDK links its CA certificates to /etc/ssl: keep the file itself
if [ -L "$rootfs/opt/java/lib/security/cacerts" ]; then
  cp --remove-destination -L "$(readlink -f "$java_home/lib/security/cacerts")" "$rootfs/opt/java/lib/security/cacerts"
fi

echo "l2o image: copying the shared libraries the JRE needs" >&2
# (the X11 parts of java.desktop are never loaded by a headless JVM, so their X libraries are left out;
# the JRE's own libraries resolve inside the JRE and are skipped)
find "$rootfs/opt/java" -type f \( -name '*.so' -o -path '*/bin/*' \) \
    ! -name libawt_xawt.so ! -name libsplashscreen.so ! -name libjawt.so -print0 \
  | xargs -0 -n1 ldd 2>/dev/null \
  | awk '$2 == "=>" && $3 ~ /^\// { print $3 } $1 ~ /^\// { print $1 }' \
  | grep -v "^$rootfs/" \
  | sort -u \
  | while read -r library; do
      mkdir -p "$rootfs$(dirname "$library")"
      cp -L "$library" "$rootfs$library"
    done

echo "l2o image: writing the tarball with Jib" >&2
image_name="${1:-}"
mvn -B -q -f "$root/pom.xml" -pl deploy -am -Pimage -DskipTests package ${image_name:+-Dimage.name="$image_name"}
echo "l2o image: $target/l2o-image.tar" >&2
