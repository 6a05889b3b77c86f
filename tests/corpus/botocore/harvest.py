#!/usr/bin/env python3
"""Harvests every distinct `pattern` of the AWS service models in the botocore package into
`patterns.json`, with the shapes that use each one.

    pip download --no-deps -d /tmp/botocore botocore==1.44.5
    python3 tests/corpus/botocore/harvest.py /tmp/botocore/botocore-1.44.5-py3-none-any.whl

The wheel is read as a zip; nothing is installed or imported.
"""

import gzip
import json
import re
import sys
import zipfile
from pathlib import Path

MODEL = re.compile(r"^botocore/data/([^/]+)/([^/]+)/service-2\.json(\.gz)?$")


def main(wheel: str) -> None:
    version = re.search(r"botocore-([0-9.]+)-", Path(wheel).name).group(1)
    uses: dict[str, list[str]] = {}
    with zipfile.ZipFile(wheel) as archive:
        for name in sorted(archive.namelist()):
            match = MODEL.match(name)
            if not match:
                continue
            data = archive.read(name)
            if match.group(3):
                data = gzip.decompress(data)
            model = json.loads(data)
            service = match.group(1)
            for shape_name, shape in sorted(model.get("shapes", {}).items()):
                pattern = shape.get("pattern")
                if isinstance(pattern, str):
                    uses.setdefault(pattern, []).append(f"{service}.{shape_name}")
    corpus = {
        "source": f"botocore {version} (https://pypi.org/project/botocore/), data/*/*/service-2.json",
        "license": "Apache-2.0; see NOTICE.md",
        "count": len(uses),
        "patterns": [
            {"pattern": pattern, "shapes": shapes[:3], "uses": len(shapes)}
            for pattern, shapes in sorted(uses.items())
        ],
    }
    out = Path(__file__).with_name("patterns.json")
    out.write_text(json.dumps(corpus, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"{len(uses)} distinct patterns from botocore {version} -> {out}")


if __name__ == "__main__":
    main(sys.argv[1])
