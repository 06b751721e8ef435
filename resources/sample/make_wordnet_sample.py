#!/usr/bin/env python3
"""Writes the bundled WordNet sample: a subset of WordNet 3.0's data.noun in its own format (wndb(5)).

    python3 resources/sample/make_wordnet_sample.py /usr/share/wordnet resources/sample/wordnet

The subset is the nouns of a few topic domains (the synsets whose ';c' pointer names the domain),
their hypernyms two levels up, the wholes they are parts, members or substances of, and the
children of every kept parent that has at most 25, so that a distractor of the answer's own
category exists; then every ancestor of a kept synset (all short of the unique beginners of
noun.Tops), so that what each concept is a kind of is known. Pointers are kept only between kept
synsets and only of the kinds that become relations or name a discipline; offsets are rewritten
so that each line still starts at the byte offset it names. The licence header is kept, as
WordNet's licence asks of every copy.
"""
import collections
import os
import sys

DOMAINS = ["computer_science", "music", "chemistry", "physics", "mathematics", "astronomy"]
UP = {"@", "@i"}            # hypernym, instance hypernym
WHOLE = {"#p", "#m", "#s"}  # part, member and substance holonyms: "X is a part of Y"
KEEP = UP | WHOLE | {"!", ";c"}
TOPS_LEXFILE = 3            # noun.Tops: entity, abstraction, ... (too general to ask about)
MAX_SIBLINGS = 25


def read(path):
    header, synsets, order = [], {}, []
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.startswith("  "):
                header.append(line)
                continue
            fields, gloss = line.rstrip("\n").split(" | ", 1)
            tok = fields.split()
            words = int(tok[3], 16)
            at = 4 + 2 * words
            count = int(tok[at])
            pointers = [tuple(tok[at + 1 + 4 * k: at + 5 + 4 * k]) for k in range(count)]
            synsets[tok[0]] = {"lex": int(tok[1]), "head": tok[:at], "pointers": pointers, "gloss": gloss,
                               "word": tok[4]}
            order.append(tok[0])
    return header, synsets, order


def choose(synsets):
    domains = {o for o, s in synsets.items() if s["word"] in DOMAINS}
    seeds = {o for o, s in synsets.items() if any(p[0] == ";c" and p[1] in domains for p in s["pointers"])}
    general = lambda o: synsets[o]["lex"] == TOPS_LEXFILE
    chosen = set(seeds)

    def climb(o, depth):
        for sym, target, pos, _ in synsets[o]["pointers"]:
            if pos == "n" and sym in UP and not general(target):
                chosen.add(target)
                if depth > 1:
                    climb(target, depth - 1)

    for o in seeds:
        climb(o, 2)
        chosen.update(t for sym, t, pos, _ in synsets[o]["pointers"] if pos == "n" and sym in WHOLE and not general(t))
    children = collections.defaultdict(list)
    for o, s in synsets.items():
        for sym, target, pos, _ in s["pointers"]:
            if pos == "n" and sym in UP:
                children[target].append(o)
    # Every kept parent with few children brings them all: the siblings an answer's distractors
    # are drawn from, at each level a chain climbs through.
    ancestors = {t for o in chosen for sym, t, pos, _ in synsets[o]["pointers"] if pos == "n" and sym in UP}
    for p in sorted(ancestors):
        if p in chosen and len(children[p]) <= MAX_SIBLINGS:
            chosen.update(children[p])
    # Every ancestor of a kept synset, short of noun.Tops: the truth checks then know what each
    # concept is a kind of ("hypothesis" is an abstraction, so "abstraction" is no wrong answer
    # for it), and a broader category near the top still has a kind of its own to compare options
    # by. Only the two levels above a seed bring their siblings.
    chosen = {o for o in chosen if not general(o)}
    stack = list(chosen)
    while stack:
        o = stack.pop()
        for sym, target, pos, _ in synsets[o]["pointers"]:
            if pos == "n" and sym in UP and target not in chosen:
                chosen.add(target)
                stack.append(target)
    return chosen, domains


def read_index(path):
    header, senses = [], {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.startswith("  "):
                header.append(line)
                continue
            tok = line.split()
            count, pointers = int(tok[2]), int(tok[3])
            senses[tok[0]] = (tok[-count:], int(tok[5 + pointers]))  # offsets, tagsense_cnt
    return header, senses


def lemma(s):
    return s["word"].lower()


def usual_senses(synsets, senses, kept):
    """The most common sense of each kept synset's first word, where the subset lacks it."""
    return {senses[lemma(synsets[o])][0][0] for o in kept} - set(kept)


def write(out_dir, header, synsets, order, chosen, domains, index_header, senses):
    kept = chosen | domains
    usual = usual_senses(synsets, senses, kept)
    keep = [o for o in order if o in kept or o in usual]
    lines = []
    for o in keep:
        s = synsets[o]
        pointers = [p for p in s["pointers"] if p[0] in KEEP and p[2] == "n" and p[1] in kept
                    and (p[0] == ";c" or o in chosen)] if o in kept else []
        lines.append([o, s["head"][1:], pointers, s["gloss"]])
    # Offsets are 8 digits, so a line's length does not depend on them: lay out, then renumber.
    position, new_offset = sum(len(h.encode()) for h in header), {}
    def render(line, offsets):
        o, head, pointers, gloss = line
        ptr = " ".join(f"{sym} {offsets.get(t, t)} {pos} {st}" for sym, t, pos, st in pointers)
        return " ".join([offsets.get(o, o)] + head + [f"{len(pointers):03d}"] + ([ptr] if ptr else [])) + \
            " | " + gloss + "\n"
    for line in lines:
        new_offset[line[0]] = f"{position:08d}"
        position += len(render(line, {}).encode())
    os.makedirs(out_dir, exist_ok=True)
    with open(os.path.join(out_dir, "data.noun"), "w", encoding="utf-8", newline="\n") as f:
        f.writelines(header)
        for line in lines:
            f.write(render(line, new_offset))
    words = sorted({lemma(synsets[o]) for o in kept})
    with open(os.path.join(out_dir, "index.noun"), "w", encoding="utf-8", newline="\n") as f:
        f.writelines(index_header)
        for w in words:
            offsets, tagged = senses[w]
            held = [(rank, new_offset[o]) for rank, o in enumerate(offsets, 1) if o in new_offset]
            # tagsense_cnt: the held senses among the first `tagged` (those seen in the tagged corpus)
            in_tagged = sum(1 for rank, _ in held if rank <= tagged)
            f.write(f"{w} n {len(held)} 0 {len(held)} {in_tagged} {' '.join(o for _, o in held)}  \n")
    return len(lines), len(usual)


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    header, synsets, order = read(os.path.join(sys.argv[1], "data.noun"))
    index_header, senses = read_index(os.path.join(sys.argv[1], "index.noun"))
    chosen, domains = choose(synsets)
    n, usual = write(sys.argv[2], header, synsets, order, chosen, domains, index_header, senses)
    print(f"wrote {n} synsets ({len(chosen)} chosen, {len(domains)} domain synsets, {usual} usual senses of "
          f"their words) to {sys.argv[2]}/data.noun and index.noun")


if __name__ == "__main__":
    main()
