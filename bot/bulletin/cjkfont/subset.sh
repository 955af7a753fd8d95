#!/bin/sh
# Rebuilds NotoSansCJKsc-Regular-GB2312.otf: the Simplified Chinese face of
# Debian's fonts-noto-cjk (2.004), cut down to every character of GB 2312
# (6,763 hanzi, both levels, plus its symbols), ASCII and a few marks
# bulletins use. Needs python3-fonttools (apt-get install python3-fonttools).
set -eu
src=${1:-/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc}
dir=$(cd "$(dirname "$0")" && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
python3 - "$src" "$tmp" <<'PY'
import sys
from fontTools.ttLib import TTCollection
src, tmp = sys.argv[1], sys.argv[2]
chars = {chr(c) for c in range(0x20, 0x7F)}
for b1 in range(0xA1, 0xF8):
    for b2 in range(0xA1, 0xFF):
        try:
            chars.add(bytes([b1, b2]).decode("gb2312"))
        except UnicodeDecodeError:
            pass
chars.update("—–…·‘’“”〔〕【】《》、。，；：？！（）％℃№①②③④⑤⑥⑦⑧⑨⑩")
open(tmp + "/chars.txt", "w").write("".join(sorted(chars)))
for f in TTCollection(src).fonts:
    if f["name"].getDebugName(4) == "Noto Sans CJK SC":
        f.save(tmp + "/sc.otf")
        break
else:
    sys.exit("no Noto Sans CJK SC face in " + src)
PY
python3 -m fontTools.subset "$tmp/sc.otf" --text-file="$tmp/chars.txt" \
	--output-file="$dir/NotoSansCJKsc-Regular-GB2312.otf" \
	--layout-features='' --no-hinting --name-IDs='*' --notdef-outline
