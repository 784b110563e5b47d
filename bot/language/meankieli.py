"""Whether a Finnish-looking text is Meänkieli, by the marks of Meänkieli's own grammar and words.

Finnish and Meänkieli share most words, and a trigram model trained on a few hundred sentences of
each learns the curated translations' word choices, not the languages. So between the two, marks
decide. They are written from Meänkieli's grammar (the standard written language of Pajala,
Övertorneå and Haparanda) and weighed against real text: Meänkieli from the free corpus of the
Giellatekno analyser (giellalt/lang-fit), Finnish from a frequency list that includes chat Finnish.

- A *decisive* mark is one neither standard nor spoken Finnish writes ("päätethiin", "meän",
  "visjuuni"); a *strong* one is shared only with northern Finnish dialects ("mie", "ko", "sannoo").
- A mark of Finnish's own ("mä", "että", "milloin", "päätettiin", "tehdä") counts against: a
  Meänkieli writer does not write them, a northern Finn writing dialect often does.
- Marks spoken Finnish shares ("tavote", "kans", "kuitenki", "oon" for "I am") count for nothing.

Measured by `kiruna-bot eval` (the "lang" column of the fi and fit rows; dev9 has Finnish written
by a separate author, standard, spoken and northern).
"""

from __future__ import annotations

import re

_H = "(?:aa|ää|ee|ii|oo|uu|yy|öö|ei|ai|äi|oi|ui|yi|ie|uo|yö|ey|äy|öy|au|eu|ou|iu)"

_DECISIVE = (
    # the Meänkieli "h" before a long vowel, after a consonant Finnish never puts before "h": passive
    # "päätethiin", "sanothaan", illative "mukhaan", "asukhaat", "tavotheet", "tekemhään"
    rf"\b(?!\w*(?:without|southe|north|smith|sophi|lockhee|smooth|apartheid|penthou|prometh))\w+[ktpm]h{_H}",
    # ... and after l, n, r or s, less the Finnish words that have them ("vanhaan", "perheen", "ryhmään")
    r"\b(?!\w*(?:murh|turh|harh|tarh|smith))\w+[bdfjlnqrsvz]hiin\b",
    r"\b(?!\w*(?:vanhaan|parhaan|turhaan|harhaan|murhaan|tarhaan|ryhmään|tyhmään|vehmaan))"
    r"\w*[bdfjlnqrsvz]h(?:aa|ää)n\b",
    r"\b(?!\w*(?:perhee|virhee|kerhoo|valhee|kulhoo|murhee|kahlee|karhuu))\w+[bdfjlnqrsvz]h(?:ee|oo|uu|yy|öö)n\b",
    r"\b(?!\w*(?:tehnee|nähnee|perhee|virhee|valhee|murhee|kahlee|ahnee))\w+(?:[lnrs]h|h[nl])eet?\b",
    # "hh" for Finnish "hd" or "d": "tehhään", "nähhään"
    r"[aeiouyäö]hh[aeiouyäö]",
    # pronouns without Finnish's "d" or with one "l": "meän" (meidän), "teilä" (teillä), "kaikile"
    r"\b(?:meän|teän|heän|meät|teät|heät|meilä|teilä|heilä|meile|teile|heile|niilä|niile|näile|näilä"
    r"|kaikile|kaikila|muile|muila|minule|sinule|hänele|minula|sinula)\b",
    # "oon" (on) after a question word or a third person; "oonkos", "oos" (onko)
    r"\b(?:se|tämä|tää|hään|mikä|mitkä|mikkä|mitä|kuka|kukka|kukas|mikäs|mitäs|missä|mistä|mihin|mihinkä"
    r"|kunka|kuinka|koska|net|het|nämät|siinä|tässä|sielä|täälä|siittä|meän|teän|teilä|meilä|kunta"
    r"|kommuuni|visjuuni|visio|sivula|jokka|ei)\s+oon\b|\b(?:oonkos|oos|oonki)\b",
    # question words with Meänkieli's clitic: "koskas", "kunkas", "miksis"; "tiätkö" (tiedätkö)
    r"\b(?:koskas|miksis|kunkas|mihinkäs|kuas|minkäslai\w*|tiätkö|tiätkös|tiätköhän|tieätkö|tieätkös)\b",
    # "d" lost: "tiän" (tiedän), "löyän" (löydän), "uuesti" (uudestaan), "vuen" (vuoden), "saaha" (saada)
    r"\b(?:tehhä|nähhä|tiän|tiät|tiämä|tiättä|piän|piät|piämä|vuen|vuoen|uuet|uuen|uuesti|uuessa|uuesta"
    r"|saaha|löyän|löyät|löyä|löyämä|löyättä|tieot|tieon|kuukauessa|mahoton\w*|mahottomasti|pietiin|pietthiin"
    r"|pietään|piethään)\b",
    # verbs: first person plural "-ma" (met olema), second "-tta" (tet oletta), "olthiin", "olheet"
    r"\b(?:olema|olima|oletta|olitta|oova|olhaan|olthiin|olheet|olhee|olheen)\b|\bmet\s+(?:\w+\s+)?\w+m[aä]\b"
    r"|\b(?:tet\s+että|net\s+\w+it|het\s+\w+it)\b",
    # "-linen" for "-llinen" ("maholinen", "tavalinen"), plural genitive "-itten" ("nuoritten")
    r"\b\w*(?:tava|kansa|maho|paika|raha|kunna|vastuu|yhteiskunna|yhtheiskunna|aluee|kaupa)li"
    r"(?:nen|sen|set|sta|sia|sesti|suus|suuen|suutta|sissa|sista|sessa|sesta|sele|sela|sile|sila)\b",
    r"\b(?!\w*(?:written|britten|whitten))\w+(?:[bdfgjklmnprstvhšz]|h[aä])itten\b",
    # Swedish loans: "-tion" as "-sjuuni" ("visjuuni", "kommunikasjuuni"), "-ning" as "-ninki"
    # ("forskninki", "inriktninkiä"), "kylttyyri", "kultuuri" (Finnish "kulttuuri"), "trafiikki" (Finnish "liikenne"),
    # "kläppi" (lapsi), "kommuuni", "skoulu"
    r"\b\w+(?:sj|š|s|si)uun(?:i\w*|ia|in|ien|ista|issa|ile|ille|iin|eita|eitä|it|eja)\b|\w+ninki\w*"
    r"|\b\w*(?:kylttyyr|kultuur|trafiik|mysiik|histuur|prujekt|puliis|prusess|prupleem|tokyment|stratek|strateek|euruup)\w*"
    r"|\b(?:kläp\w*|hunteer\w*|pruuk\w*|styyrels\w*|räknä\w*|skoulu\w*|visjuun\w*|visiuun\w*|visuun\w*|kommuuni\w*"
    r"|masiini\w*)"
    # "plaani" (Swedish "plan"; Finnish "suunnitelma"), "trafikplaani"
    r"|\b\w*plaan(?:i|it|ia|ihin|issa|ista|ille|ile|eita|eja|in)\b",
    # its adverbs: "enämpi" (enemmän), "piiain" (ehkä), "mithään" (mitään), "vasthaan", "jälkhiin"
    r"\b(?:viimi|enämpi|enämen|enämmän|piiain|olletikki|jälkhiin|suunile|jällaa|paitti|koskhaan|mithään"
    r"|mikhään|kukhaan|ollenkhaan|vasthaan)\b",
)

_STRONG = (
    # a "th", "kh" or "ph" before any vowel ("tehthiin", "Torniojokheen"; not after s: "tutkimushanke"), less
    # Finnish's name for Stockholm ("opiskelen Tukholmassa")
    r"\w[tkp]h[aeiouyäö](?<!tukho)",
    # pronouns and their plural forms: "mie", "sie", "met", "het", "hään", "jokka" (jotka), "mikkä" (mitkä)
    r"\b(?:mie|sie|met|tet|het|net|hään|nämät|nuot|jokka|mikkä|jokku|jokhainen|mieki|sieki)\b",
    # ... "sie" joined to a question's verb: "oleksie" (oletko sinä), "tiätksie"; no Finnish word ends so
    r"\b\w{2,}k(?:sie|mie)\b",
    # "kukka" (kuka), "kunka" and "kunkamonta" (kuinka monta), "konsa" (milloin)
    r"\b(?:kukka|kukkas|kukkako|kunka\w*|konsa)\b",
    # "oon" (on), though not "mä oon" (I am), a message that opens with it, or a clause that does: spoken
    # Finnish drops the "I" after "mutta" or "ja" ("asun Kiirunassa mutta oon alunperin Oulusta")
    r"(?<=\S )(?<!mä )(?<!mie )(?<!minä )(?<!mää )(?<!mutta )(?<!mut )(?<!\bja )oon\b"
    r"|\boonko\b(?!\s+(?:mä|minä|mää)\b)",
    # "ette" (että), not the Finnish "you don't" before its verb ("miksi ette vastaa")
    r"\bette\b(?!\s+(?:ole|oo|voi|saa|tiedä|tiiä|ymmärrä|osaa|halua|tarvitse|pysty|vastaa|tule|mene|tee"
    r"|ota|anna|näe|kerro|löydä|jaksa|muista|usko|välitä|pidä|käy|ehdi|viitsi|suostu|uskalla|aio|puhu"
    r"|lue|kuuntele|tunne|te|vielä|edes|koskaan|siis|kai)\b)",
    # "ko" (kun, kuin), "sitte" (sitten), "siittä" (siitä), "-ki" on pronouns
    r"\b(?:ko|ennenko|niinko|sitte|siittä|jotaki|mitäki|seki|tämäki)\b",
    # one "l" in the adessive and allative: "sivula", "kunnale", "meänkielelä", "sielä", and the
    # allative on plurals and two-syllable stems ("lapsile", "firmoile"; not "kuvaile", "kuuntele", "kuule")
    r"\b(?:sivula|sivule|kotisivula|nettisivula|kunnala|kunnale|tavala|samala|avula|lapsile|lapsila|nuorile"
    r"|asukhaile|monela|omala|toisela|ulkopuolela|lähelä|lähele|keskelä|päälä|pääle|esile|selvile|tasala"
    r"|kenele|kenelä|vuosila|kerrala|sielä|täälä|tuola|muuvala|tähhään|aamula|illala|huomena)\b|\b\w*kielel[äe]\b"
    r"|\b(?!kuule\b)\w{2,}(?:[^a\W]ile|[aouyäö]le)\b"
    # ... and on the nouns of "-nen" and "-us" ("asumisele", "koulutuksele"; Finnish "asumiselle"), where no
    # Finnish verb's "-ele" stands ("kysele", "keskustele" have none of "-ise", "-kse")
    r"|\b\w{3,}(?:is|ks)ele\b",
    # a consonant doubled after a short first syllable: "sannoo", "tekkee", "ossaa", "assuu", "pittää"
    r"\b(?:sann(?:oo|oa|ottu)|tekk(?:ee|eevä)|ossa\w*|lukk(?:ee|ea)|assu\w*|pittää|pittäis\w*|lissää|ellää"
    r"|kyssy(?:y|ä)|puhh\w*|hyvvää|hyvvä|ommaa|sammaa|jakkaa|näkkee|näkkyy|hakkee|kuvvaa|rahhaa|soppii"
    r"|tukkee|tillaa|vappaa|usse(?:in|ita|imiten|ampi|at)|pyssyy|luppaa|kokkou\w*|tullee|mennee|halluaa"
    r"|löyttää|tarttee|halvaa)\b",
    # "ruotti" (Ruotsi), "tarvittee" (tarvitsee), "häätyy" (täytyy), "nytten", "ennää", "vuona" (vuonna)
    r"\bruott\w*|\b(?:tarvit|valit)te(?:e|n|t|mma|va|vä|vat|vät)\b|\bhäät(?:yy|yvä|yi|ys|yis|yykö|yykös)\b"
    r"|\b(?:vuona|nytten|ennää|tänäpäivänä|tänäpänä|välilä)\b",
    # Swedish verbs borrowed with "-eera-" ("fokuseeraa", "planeerata", "informeerathaan"); Finnish
    # borrows them with "-oida" ("fokusoi")
    r"\b\w{3,}eera(?:a|n|t|mma|tta|vat|vät|ta|ttu|tu|tiin|thiin|thaan|si|sit|isi|tha)\b",
    # "-pi" on one-syllable verbs ("saapi", "voipi"); second person plural "-tta" ("tuletta")
    r"\b(?:saa|voi|tuo|vie|käy|juo|syö|jää|ottaa|antaa|ossaa|pittää|tullee|mennee|sannoo|tekkee)pii?\b"
    r"|\b(?:tuletta|saatatta|ossaatta|tiättä|piättä|teettä|haluatta|halvatta|menettä|tehettä|asutta)\b",
)

_FINNISH = (
    # spoken Finnish's pronouns and questions
    r"\b(?:mä|sä|mää|mun|sun|ootko|oot|onks|oisko|voiks|saaks|ooks|oonks|tää|tän)\b",
    # "että", "ts" ("itse", "ruotsi"), the passive with "tt" or "d" ("päätettiin", "tehdään")
    r"\bettä\b|\b(?:itse|metsä|ruotsi|katso|etsi|otsikk)\w*",
    # (not the illative of a noun: "kotiin", "nettiin", "tekstiin")
    r"\b(?!\w*(?:kotiin|ruotsiin|nettiin|tekstiin|konserttiin))\w+(?:ttiin|[lnrs]tiin|daan|dään|ttaan|ttään)\b",
    # ... and after a vowel ("saavutetaan", "kerrotaan"; Meänkieli "saavutethaan"), not "mitään", "ketään"
    r"\b(?!(?:mitään|ketään|sotaan|pataan|kotaan)\b)\w+[aeiouyäö]t(?:aan|ään)\b",
    # its "d": "meidän", "tehdä", "tiedän", "uuden", "kahdeksan"
    r"\b(?:meidän|teidän|heidän|tiedän|tiedät|tiedätkö|tehdä|nähdä|uudet|uuden|uudestaan|vuoden|kuudes"
    r"|kahdeksan|yhdeksän|yhdessä|pidän|löydän|löydät|saada|voida)\b|\b\w+uude(?:n|ssa|sta|lla|lle|ksi)\b",
    # words Meänkieli does not use: "milloin", "montako", "myös", "tai"; spoken Finnish's vowels
    r"\b(?:milloin|montako|myös|tai|vaikee|helppoo|semmosii|tiiä|tiijä|nii|mut|miks|ruotsiks|suomeks"
    r"|viimeks|millanen|haluun|mua|sua)\b",
    # "-mme", "-tte", "-llinen"
    r"\b\w{3,}mme\b|\b(?:olette|voitte|haluatte|teette|saatte|tiedätte|osaatte|tarjoatte|kerrotte|aiotte)\b"
    r"|\b\w+[aeiouyäö]lli(?:nen|sen|set|sta|sia|sesti)\b",
)

_DECISIVE_RE = [re.compile(p) for p in _DECISIVE]
_STRONG_RE = [re.compile(p) for p in _STRONG]
_FINNISH_RE = [re.compile(p) for p in _FINNISH]
# Evidence a text needs to read as Meänkieli: one strong mark; beside a mark of Finnish's own, two.
NEEDED = 1
NEEDED_AGAINST_FINNISH = 2
# A kind of mark counts at most this often ("mikä oon … ja kuka sen oon …" twice).
REPEATS = 2


def meankieli_evidence(text: str) -> int:
    """A decisive mark counts two, a strong one one."""
    t = text.casefold()

    def found(patterns: list[re.Pattern[str]]) -> int:
        return sum(min(REPEATS, len(p.findall(t))) for p in patterns)

    return 2 * found(_DECISIVE_RE) + found(_STRONG_RE)


def decisive_marks(text: str) -> bool:
    """Whether a text has a mark only Meänkieli writes: "kommunikasjuunit?" reads Swedish to trigrams."""
    t = text.casefold()
    return any(p.search(t) for p in _DECISIVE_RE)


def finnish_marks(text: str) -> bool:
    t = text.casefold()
    return any(p.search(t) for p in _FINNISH_RE)


def is_meankieli(text: str, borrowed: int = 0) -> bool:
    """Whether a text Finnish and Meänkieli could both have written carries Meänkieli's marks.

    `borrowed` counts Swedish nouns bent Finnic ("inriktninkiä", "idrotti"): Tornedalians name the
    page's things in its Swedish words, a Finn from Finland in Finnish; each is a strong mark.
    """
    evidence = meankieli_evidence(text) + min(REPEATS, borrowed)
    if evidence == 0:
        return False
    return evidence >= (NEEDED_AGAINST_FINNISH if finnish_marks(text) else NEEDED)
