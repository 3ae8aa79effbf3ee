#!/usr/bin/env bash
# Debian packages the tests need: chromium for the end-to-end browser tests,
# fonts-noto-cjk so that it draws Chinese, libreoffice-calc to open the
# downloaded CSVs as a spreadsheet user would. Installs only what is missing.
set -euo pipefail
packages=(chromium fonts-noto-cjk libreoffice-calc)
missing=()
for package in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
[ ${#missing[@]} -eq 0 ] && exit 0
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
echo "installing Debian packages: ${missing[*]}"
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
