#!/usr/bin/env python3
"""Builds the bundled sample corpus: a few hundred FOLDOC entries across several domains, as a
dictd dictionary (foldoc-sample.index + foldoc-sample.dict), from Debian's dict-foldoc.

    python3 resources/sample/make_sample.py /usr/share/dictd/foldoc resources/sample

Entries are chosen for a connected sample: seeds from each domain, then the entries their
{cross references} point to, so chains can form. Deterministic: the same FOLDOC gives the same
sample."""
import gzip, re, sys, os

B64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"

def b64(s):
    n = 0
    for ch in s:
        n = n * 64 + B64.index(ch)
    return n

def enc(n):
    if n == 0:
        return "A"
    out = ""
    while n:
        out = B64[n % 64] + out
        n //= 64
    return out

def main(base, outdir):
    data = gzip.open(base + ".dict.dz").read()
    entries = {}  # headword -> body bytes
    order = []
    for line in open(base + ".index", encoding="utf-8", errors="replace"):
        parts = line.rstrip("\n").split("\t")
        if len(parts) != 3 or parts[0].startswith("00-database"):
            continue
        word, off, length = parts[0], b64(parts[1]), b64(parts[2])
        if word not in entries:
            entries[word] = data[off:off + length]
            order.append(word)
    domains = ["programming", "networking", "hardware", "operating system", "database", "language",
               "algorithm", "security", "graphics", "compiler"]
    tag = re.compile(rb"^\s*<([^>]+)>", re.M)
    ref = re.compile(rb"\{([^{}]+)\}")
    lower = {w.lower(): w for w in order}

    def domain_of(body):
        m = tag.search(body)
        return m.group(1).decode("utf-8", "replace") if m else ""

    chosen, seen = [], set()
    def take(w):
        if w in seen or w not in entries:
            return False
        body = entries[w]
        if len(body) < 200 or len(body) > 2500:
            return False
        seen.add(w)
        chosen.append(w)
        return True

    # Entries many others refer to are the ones a reader of the domain needs: seeds are the most
    # referenced entries of each domain (ties by name), and each brings the entries it refers to,
    # so the facts of one entry meet the facts of the next and directed chains can form.
    indegree = {}
    for w in order:
        for r in set(ref.findall(entries[w])):
            target = lower.get(r.decode("utf-8", "replace").replace("\n", " ").lower())
            if target and target != w:
                indegree[target] = indegree.get(target, 0) + 1
    per_domain = 90
    for d in domains:
        pool = [w for w in order if d in domain_of(entries[w]) and len(entries[w]) > 400]
        pool.sort(key=lambda w: (-indegree.get(w, 0), w.lower()))
        for s in pool[:per_domain]:
            if not take(s):
                continue
            for r in ref.findall(entries[s])[:6]:
                target = lower.get(r.decode("utf-8", "replace").replace("\n", " ").lower())
                if target:
                    take(target)
    chosen.sort(key=lambda w: w.lower())
    os.makedirs(outdir, exist_ok=True)
    dict_out = bytearray()
    index_lines = []
    for w in chosen:
        body = entries[w]
        index_lines.append(f"{w}\t{enc(len(dict_out))}\t{enc(len(body))}")
        dict_out += body
    with open(os.path.join(outdir, "foldoc-sample.dict"), "wb") as f:
        f.write(dict_out)
    with open(os.path.join(outdir, "foldoc-sample.index"), "w", encoding="utf-8") as f:
        f.write("\n".join(index_lines) + "\n")
    print(f"{len(chosen)} entries, {len(dict_out)} bytes")

if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
