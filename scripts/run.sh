#!/usr/bin/env bash
# The main job on the embedded default: build; create var/gongkai.db with the demo data if it
# is absent; write every demo agency's annual reports (txt, html, json, xlsx, pdf) into out/;
# then serve the portal on the demo data (http://127.0.0.1:8080/ unless GONGKAI_LISTEN says
# otherwise) until Ctrl-C.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/deps.sh run
bash scripts/build.sh
gk=./build/gongkai
db=var/gongkai.db
listen=${GONGKAI_LISTEN:-127.0.0.1:8080}

if [ ! -f "$db" ]; then
  echo "==> creating $db with the demo data"
  mkdir -p var
  "$gk" --db "$db" load tests/fixtures/changyi-2018.json
  "$gk" --db "$db" demo generate --agencies 2 --applications 600 --seed 2026 --years 2018-2025
else
  echo "==> using existing $db"
fi

mkdir -p out
"$gk" --db "$db" agencies --tsv | while IFS=$'\t' read -r slug name first last; do
  for ((year = first; year <= last; year++)); do
    mkdir -p "out/$slug"
    for ext in txt html json xlsx pdf; do
      "$gk" --db "$db" report --agency "$slug" --year "$year" --output "out/$slug/$year.$ext" 2>/dev/null
    done
    echo "    $name $year: out/$slug/$year.{txt,html,json,xlsx,pdf}"
  done
done
echo "==> reports in out/"

# A demo staff login, once the binary has accounts (`gongkai user add`, the officer console).
demo_login=admin
demo_password=gongkai-demo-2026
if "$gk" user add --help >/dev/null 2>&1; then
  if out=$(printf '%s\n' "$demo_password" | "$gk" --db "$db" user add --login "$demo_login" \
        --name 演示管理员 --role admin --agency changyi-commerce --password-stdin 2>&1); then
    echo "==> created the demo administrator"
  elif ! grep -q "已存在" <<<"$out"; then
    echo "$out" >&2
    exit 1
  fi
  echo "==> demo staff login: $demo_login / $demo_password (the officer console pages are being built; the account already exists)"
fi

echo "==> serving the portal on the demo data; Ctrl-C stops it"
exec "$gk" --db "$db" serve --listen "$listen"
