#!/usr/bin/env bash
# The main job on the embedded default: build; create var/gongkai.db with the demo data if it
# is absent; write every demo agency's annual reports (txt, html, json, xlsx, pdf) into out/.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/deps.sh run
bash scripts/build.sh
gk=./build/gongkai
db=var/gongkai.db

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
echo "==> done: reports in out/"
