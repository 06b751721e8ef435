#!/usr/bin/env python3
"""The training step of proda-train written as a PyTorch user would write it in Python: the
nanoGPT model (pre-LayerNorm blocks, GELU MLP, learned positions, lm head tied to the token
embedding) with the document mask of packed windows and a loss over response tokens only.

`proda-train bench-python RUN_DIR` writes the batches it trains on (the run's real data, packed
and masked by the trainer's own code) and runs this script on them with the same model shape,
optimizer and thread count, so the two implementations are timed on identical work.

    python3 bench/train_reference.py BATCHES.json   ->  one JSON line: tokens_per_s, losses
"""
import json
import math
import sys
import time

import torch
import torch.nn as nn
import torch.nn.functional as F


class CausalSelfAttention(nn.Module):
    def __init__(self, c):
        super().__init__()
        self.n_head, self.n_embd = c["n_head"], c["n_embd"]
        self.c_attn = nn.Linear(self.n_embd, 3 * self.n_embd)
        self.c_proj = nn.Linear(self.n_embd, self.n_embd)

    def forward(self, x, mask):  # x (B, T, C), mask (B, 1, T, T) bool
        B, T, C = x.size()
        q, k, v = self.c_attn(x).split(self.n_embd, dim=2)
        q = q.view(B, T, self.n_head, C // self.n_head).transpose(1, 2)  # (B, H, T, D)
        k = k.view(B, T, self.n_head, C // self.n_head).transpose(1, 2)
        v = v.view(B, T, self.n_head, C // self.n_head).transpose(1, 2)
        att = (q @ k.transpose(-2, -1)) * (1.0 / math.sqrt(k.size(-1)))  # (B, H, T, T)
        att = att.masked_fill(~mask, float("-inf"))
        att = F.softmax(att, dim=-1)
        y = att @ v  # (B, H, T, D)
        y = y.transpose(1, 2).contiguous().view(B, T, C)
        return self.c_proj(y)


class MLP(nn.Module):
    def __init__(self, c):
        super().__init__()
        self.c_fc = nn.Linear(c["n_embd"], 4 * c["n_embd"])
        self.c_proj = nn.Linear(4 * c["n_embd"], c["n_embd"])

    def forward(self, x):
        return self.c_proj(F.gelu(self.c_fc(x), approximate="tanh"))


class Block(nn.Module):
    def __init__(self, c):
        super().__init__()
        self.ln_1 = nn.LayerNorm(c["n_embd"])
        self.attn = CausalSelfAttention(c)
        self.ln_2 = nn.LayerNorm(c["n_embd"])
        self.mlp = MLP(c)

    def forward(self, x, mask):
        x = x + self.attn(self.ln_1(x), mask)
        return x + self.mlp(self.ln_2(x))


class GPT(nn.Module):
    def __init__(self, c):
        super().__init__()
        self.wte = nn.Embedding(c["vocab_size"], c["n_embd"])
        self.wpe = nn.Embedding(c["block_size"], c["n_embd"])
        self.h = nn.ModuleList([Block(c) for _ in range(c["n_layer"])])
        self.ln_f = nn.LayerNorm(c["n_embd"])
        self.lm_head = nn.Linear(c["n_embd"], c["vocab_size"], bias=False)
        self.lm_head.weight = self.wte.weight  # tied
        for name, p in self.named_parameters():
            if name.endswith(".bias"):
                nn.init.zeros_(p)
            elif "ln_" in name:
                nn.init.ones_(p)
            elif name.endswith("c_proj.weight"):
                nn.init.normal_(p, 0.0, 0.02 / math.sqrt(2 * c["n_layer"]))
            else:
                nn.init.normal_(p, 0.0, 0.02)

    def forward(self, idx, pos, mask):  # mask (B, 1, T, T) bool
        x = self.wte(idx) + self.wpe(pos)
        for block in self.h:
            x = block(x, mask)
        return self.lm_head(self.ln_f(x))  # (B, T, V)


def main():
    spec = json.load(open(sys.argv[1]))
    torch.set_num_threads(spec["threads"])
    torch.manual_seed(spec["seed"])
    raw = open(spec["data"], "rb").read()
    batches = []
    for b in spec["batches"]:
        B, T, off = b["B"], b["T"], b["offset"]
        n = B * T

        def take(dtype, size, off):
            t = torch.frombuffer(bytearray(raw[off:off + n * size]), dtype=dtype).view(B, T)
            return t, off + n * size

        idx, off = take(torch.int64, 8, off)
        targets, off = take(torch.int64, 8, off)
        weight, off = take(torch.float32, 4, off)
        pos, off = take(torch.int64, 8, off)
        doc, off = take(torch.int64, 8, off)
        # Built before the clock starts, as proda-train's benchmark builds its batches.
        causal = torch.ones(T, T, dtype=torch.bool).tril()
        mask = ((doc.unsqueeze(2) == doc.unsqueeze(1)) & causal).unsqueeze(1)  # (B, 1, T, T)
        batches.append((idx, targets, weight, pos, mask))

    model = GPT(spec["model"])
    decay = [p for p in model.parameters() if p.dim() >= 2]
    no_decay = [p for p in model.parameters() if p.dim() < 2]
    opt = torch.optim.AdamW([{"params": decay, "weight_decay": spec["weight_decay"]},
                             {"params": no_decay, "weight_decay": 0.0}],
                            lr=spec["lr"], betas=(spec["beta1"], spec["beta2"]))
    model.train()
    losses, tokens, t0 = [], 0, None
    for step, (idx, targets, weight, pos, mask) in enumerate(batches):
        if step == spec["warmup"]:
            t0 = time.perf_counter()
        logits = model(idx, pos, mask)
        V = logits.size(-1)
        per = F.cross_entropy(logits.view(-1, V), targets.view(-1), reduction="none")
        loss = (per * weight.view(-1)).sum() / weight.sum().clamp(min=1)
        opt.zero_grad(set_to_none=True)
        loss.backward()
        torch.nn.utils.clip_grad_norm_(model.parameters(), spec["grad_clip"])
        opt.step()
        losses.append(loss.item())
        if step >= spec["warmup"]:
            tokens += idx.numel()
    seconds = time.perf_counter() - t0
    print(json.dumps({"tokens_per_s": tokens / seconds, "seconds": seconds, "tokens": tokens, "losses": losses,
                      "torch": torch.__version__, "threads": torch.get_num_threads()}))


if __name__ == "__main__":
    main()
