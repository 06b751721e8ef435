#pragma once
// Hand-built knowledge for test_tester, written straight into a project (no import, so no chain
// cover or pruning changes what the test relies on).
#include "store/database.h"
#include "store/knowledge_writer.h"
#include "store/project.h"

#include <random>
#include <string>
#include <vector>

namespace testerfix {

using namespace proda;

// heat -causes-> expansion -leads to-> stress, with everything the operators need around stress:
//   stress -has property-> strain energy           (SUBST_ADJ)
//   stress, pressure, tension -is a kind of-> mechanical quantity (SUBST_SIBLING)
//   stress -causes-> fracture                      (REVERSE)
//   stress -contrasts with-> relaxation            (CONTRAST)
// All of them, expansion (a WRONG_HOP option), torque and bending moment too, are kinds of
// mechanical quantity: options must be
// of the answer's category.
// And the trap: heat -causes-> radiation -causes-> tension. "tension" is a sibling of stress (a
// naive SUBST_SIBLING candidate) but also a true answer to "heat causes X, X causes Y: Y?".
// Chain g1 = heat..stress; chain g2 = heat..tension.
inline void writeTrapKb(Database& db) {
    Transaction tx(db);
    KnowledgeWriter w(db);
    const std::vector<std::pair<std::string, std::string>> concepts = {{"a", "heat"},
                                                                       {"b", "expansion"},
                                                                       {"c", "stress"},
                                                                       {"p", "strain energy"},
                                                                       {"P", "mechanical quantity"},
                                                                       {"s", "pressure"},
                                                                       {"t", "tension"},
                                                                       {"r", "fracture"},
                                                                       {"k", "relaxation"},
                                                                       {"b2", "radiation"},
                                                                       {"q", "torque"},
                                                                       {"m", "bending moment"}};
    for (const auto& [id, term] : concepts) w.upsertConcept({id, term, "entity", "", "001 Physics", ""});
    struct R {
        const char *id, *s, *type, *pred, *o;
    };
    const R rels[] = {{"r1", "a", "CAUSAL", "causes", "b"},
                      {"r2", "b", "CAUSAL", "leads to", "c"},
                      {"r3", "c", "PROPERTY", "has property", "p"},
                      {"r4", "c", "SPECIALIZATION", "is a kind of", "P"},
                      {"r5", "s", "SPECIALIZATION", "is a kind of", "P"},
                      {"r6", "t", "SPECIALIZATION", "is a kind of", "P"},
                      {"r7", "c", "CAUSAL", "causes", "r"},
                      {"r8", "c", "CONTRAST", "contrasts with", "k"},
                      {"r9", "a", "CAUSAL", "causes", "b2"},
                      {"r10", "b2", "CAUSAL", "causes", "t"},
                      // Options of the answer's category (a mechanical quantity, as stress is).
                      {"r11", "q", "SPECIALIZATION", "is a kind of", "P"},
                      {"r12", "m", "SPECIALIZATION", "is a kind of", "P"},
                      {"r13", "p", "SPECIALIZATION", "is a kind of", "P"},
                      {"r14", "r", "SPECIALIZATION", "is a kind of", "P"},
                      {"r15", "k", "SPECIALIZATION", "is a kind of", "P"},
                      {"r16", "b", "SPECIALIZATION", "is a kind of", "P"},
                      // (and radiation too, in this toy physics: an answer of no known kind beside
                      // three mechanical quantities would stand apart, and no item is made of it)
                      {"r17", "b2", "SPECIALIZATION", "is a kind of", "P"}};
    for (const auto& r : rels) w.upsertRelation({r.id, r.s, r.type, r.pred, r.o, "001 Physics", ""});
    w.upsertChain({"g1", "001 Physics", "heat to stress", {"r1", "r2"}}, "imported");
    w.upsertChain({"g2", "001 Physics", "heat to tension", {"r9", "r10"}}, "imported");
    tx.commit();
}

// `chains` independent chains of 3 relations over fresh concepts with random-length terms, in two
// disciplines: enough items for position and length statistics.
inline void writeRandomKb(Database& db, int chains, unsigned seed = 3) {
    static const char* syl[] = {"ba", "ce", "di", "fo", "gu", "ha", "ki", "lo",
                                "mu", "na", "pe", "ro", "sa", "te", "vu"};
    static const char* types[] = {"CAUSAL", "SPECIALIZATION", "PART_OF", "PREREQUISITE"};
    std::mt19937 rng(seed);
    auto term = [&] {
        std::string t;
        const int words = 1 + static_cast<int>(rng() % 3);
        for (int w = 0; w < words; ++w) {
            if (w) t += ' ';
            for (int k = 0, n = 2 + static_cast<int>(rng() % 3); k < n; ++k) t += syl[rng() % 15];
        }
        return t;
    };
    Transaction tx(db);
    KnowledgeWriter w(db);
    int next = 0;
    for (int g = 0; g < chains; ++g) {
        const std::string disc = g % 2 ? "002 Chemistry" : "001 Physics";
        std::vector<std::string> nodes;
        for (int i = 0; i < 4; ++i) {
            nodes.push_back("n" + std::to_string(next++));
            w.upsertConcept({nodes.back(), term() + " " + std::to_string(next), "entity", "", disc, ""});
            // Each concept's kind is known (items ask only for such), one of a few per discipline
            // (a kind of one discipline only, as a category is of one topic).
            db.exec("INSERT INTO concept_genera(concept_id, genus) VALUES ('" + nodes.back() + "', 'kind " +
                    std::to_string(next % 5) + " of " + disc + "')");
        }
        std::vector<std::string> rels;
        for (int i = 0; i < 3; ++i) {
            rels.push_back("e" + std::to_string(g) + "_" + std::to_string(i));
            const char* type = types[rng() % 4];
            w.upsertRelation({rels.back(), nodes[i], type, "relates", nodes[i + 1], disc, ""});
        }
        w.upsertChain({"h" + std::to_string(g), disc, "", rels}, "imported");
    }
    tx.commit();
}

} // namespace testerfix
