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
  # The demo runs up to today (within the holiday calendar), so the console shows cases that
  # are still running with their working days left.
  year=$(date +%Y)
  last=$(tail -n 1 data/holidays-cn.csv | cut -c1-4)
  if [ "$year" -le "$last" ]; then
    "$gk" --db "$db" demo generate --agencies 2 --applications 600 --seed 2026 \
      --years "2018-$year" --until "$(date +%F)"
  else
    "$gk" --db "$db" demo generate --agencies 2 --applications 600 --seed 2026 --years "2018-$last"
  fi
  for guide in data/demo/guides/*.json; do
    "$gk" --db "$db" guide publish --agency "$(basename "$guide" .json)" "$guide"
  done
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

# Demo staff accounts (the officer console): an administrator of every demo agency, and a
# handler, a reviewer and an editor of the seed agency, all with the same demo password.
demo_password=gongkai-demo-2026
all_agencies=$("$gk" --db "$db" agencies --tsv | cut -f1 | paste -sd, -)
add_user() {  # login name role agencies
  local out
  if out=$(printf '%s\n' "$demo_password" | "$gk" --db "$db" user add --login "$1" --name "$2" \
        --role "$3" --agencies "$4" --password-stdin 2>&1); then
    echo "==> created demo account $1 ($3)"
  elif ! grep -q "已存在" <<<"$out"; then
    echo "$out" >&2
    exit 1
  fi
}
add_user admin 演示管理员 admin "$all_agencies"
add_user handler 演示经办人 handler changyi-commerce
add_user reviewer 演示审核人 reviewer changyi-commerce
add_user editor 演示编辑 editor changyi-commerce
add_user supervisor 演示监督员 supervisor "$all_agencies"

url="http://$listen/"
echo
echo "==> 公众门户 / public portal:      $url"
echo "==> 工作平台 / officer console:    ${url}console/"
echo "==> 演示登录 / demo staff login:   admin / $demo_password"
echo "    (also handler, reviewer, editor, supervisor — same password)"
echo "==> serving on the demo data; Ctrl-C stops it"
exec "$gk" --db "$db" serve --listen "$listen"
