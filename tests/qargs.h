#pragma once
// Command-line arguments written as literals beside QStrings. The test targets build with
// QT_NO_CAST_FROM_ASCII, so a literal is read here, once, as UTF-8.
#include <QAnyStringView>
#include <QStringList>

#include <initializer_list>

namespace testutil {

using Args = std::initializer_list<QAnyStringView>;

inline QStringList qargs(Args list) {
    QStringList out;
    out.reserve(static_cast<qsizetype>(list.size()));
    for (QAnyStringView a : list) out << a.toString();
    return out;
}

} // namespace testutil
