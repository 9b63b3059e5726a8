"""French mixed into an English question, read in English.

Why: French researchers write English with French words in it ("quels papiers use Lean ?", "c'est-à-dire", "plutôt
que Lean", "le papier de CodeTree"), or write the question in French with the field's English terms ("Quels papiers
introduisent un nouveau benchmark pour la complétion de code ?"). The index and the rules that read a question's shape
are English: "quels papiers" asks no list, and French words read as names no abstract has, so the question was
refused. French words that English also writes ("de", "la", "les", "en", "pour") are read only in a question that is
French by its own words (two of them at least: "quels", "avec", "donc" ...); a word starting a name ("La Plata") and
names themselves stay as typed. French typography goes: a space before "?" or ":", « guillemets ».
"""

from __future__ import annotations

import re

# Words and phrases only French writes, and their English; read in any question.
_FRENCH = {
    "est-ce qu'il y a des": "are there", "est-ce qu'il y a": "is there", "y a-t-il des": "are there",
    "y a-t-il": "is there", "il y a": "there are", "qu'est-ce que": "what", "qu'est-ce qui": "what",
    "est-ce que": "is it true that", "est-ce qu'": "is it true that ",
    "quels papiers": "which papers", "quelles papiers": "which papers", "quels articles": "which papers",
    "quelles publications": "which papers", "quel papier": "which paper", "quels travaux": "which papers",
    "lesquels": "which ones", "lesquelles": "which ones", "lequel": "which one", "laquelle": "which one",
    "quel est": "what is", "quelle est": "what is", "quels sont": "what are", "quelles sont": "what are",
    "quels": "which", "quelles": "which", "quel": "which", "quelle": "which",
    "parmi eux": "among them", "parmi elles": "among them", "parmi ceux-ci": "among these", "parmi": "among",
    "c'est-à-dire": "i.e.", "c.-à-d.": "i.e.", "par exemple": "for example", "à savoir": "namely", "donc": "so",
    "plutôt que": "rather than", "ou bien": "or", "avec ou sans": "with or without", "avec": "with",
    "aucun papier": "no paper", "aucune idée": "no idea", "peu importe": "whatever", "pas du tout": "not at all",
    "pourquoi": "why", "combien de": "how many", "combien": "how much", "aussi": "also",
    "seulement": "only",  "chaque": "each", "plusieurs": "several", "différentes": "different",
    "différents": "different", "meilleur": "better", "meilleure": "better",  "nouvelle": "new",
    "nouveaux": "new", "papiers": "papers", "papier": "paper", "données": "data", "entraînement": "training",
    "complétion": "completion", "génération": "generation", "modèles": "models", "modèle": "model",
    "résultats": "results", "raisonnement": "reasoning", "démonstration de théorèmes": "theorem proving",
    "preuve de théorèmes": "theorem proving", "preuves": "proofs", "preuve": "proof", "outil": "tool",
    "industriel": "industrial", "contexte": "context", "fichier": "file", "exemples": "examples",
    "récupérés": "retrieved", "taux de succès": "success rate", "tâches": "tasks", "humains": "humans",
    "limites": "limits", "manque": "lack", "chercheur": "researcher", "chercheurs": "researchers",
    "apprentissage par renforcement": "reinforcement learning", "vérification formelle": "formal verification",
    "mathématiciens": "mathematicians", "mathématiques": "mathematics", "vrais": "real", "façons": "ways",
    "façon": "way", "syntaxique": "syntactic", "efficacité": "efficiency",
    "interpréteur": "interpreter", "la même chose": "the same thing", "en général": "in general",
    "sous n'importe quelle forme": "in any form", "n'importe quel": "any", "je crois": "I think",
    "je veux": "I want", "je cherche": "I am looking for", "c'est pour": "it is for", "c'est": "it is",
    "travaillent": "work", "utilisent": "use", "utilise": "uses", "utiliser": "use", "utilisé": "used",
    "parlent": "talk about", "proposent": "propose", "proposées": "proposed",
    "introduisent": "introduce", "s'intéressent aux": "are about", "s'intéressent à": "are about",
    "s'appuie sur": "relies on", "s'appuient sur": "rely on", "évaluent": "evaluate", "traitent": "deal with",
    "traite": "deals with", "comparer": "compare", "diffère": "differs", "diffèrent": "differ", "améliorer": "improve",
    "révèlent": "reveal", "automatisent": "automate", "marche": "works", "faire tourner": "run", "faire": "do",
    "trouver": "find", "appeler": "call", "beaucoup de": "many", "contre-exemples": "counterexamples",
    "exécution": "execution", "ça": "that", "eux": "them", "leurs": "their", "leur": "their", "juste": "just",
    "bout en bout": "end to end",
    "quand on augmente": "when increasing", "première couche": "first layer", "première": "first",
    "couche": "layer", "écrire": "write", "inventer": "invent", "travail": "work", "approches": "approaches",
    "efficace": "effective", "quantité": "quantity", "similaires": "similar", "augmenter": "increase",
    "diversifier": "diversify", "éviter": "avoid", "parler": "talk", "lui-même": "itself", "fonctions": "functions",
    "où": "where", "un peu": "a bit", "problèmes": "problems", "paramètres": "parameters",
    "utilisateurs": "users", "lignes": "lines", "prouvés": "proved", "énoncés": "statements", "traduit": "translates",
    "atteint": "reaches", "atteignent": "reach", "comparent": "compare", "développeurs": "developers",
    "synthétiques": "synthetic", "succès": "success", "mathématique": "mathematical",
    "parlent des": "talk about", "parlent du": "talk about the", "parlent de": "talk about", "en local": "locally",
    "quand": "when",
    "en parlent": "talk about it", "a proposé": "proposed", "proposé": "proposed", "université": "university",
    "est-ce": "is it", "entre domaines": "across domains", "entre": "between",
}
# Words English writes too, read only in a question that is French by the words above.
_SHARED = {
    "des": "", "les": "the", "le": "the", "la": "the", "l'": "the ", "un": "a", "une": "a", "de": "of", "d'": "of ",
    "du": "of the", "aux": "the", "au": "the", "en": "in", "et": "and", "ou": "or", "pour": "for", "dans": "in",
    "sur": "on", "qui": "that", "quoi": "what",
    "que": "than", "qu'": "that ", "s'": "", "pas": "not", "ne": "", "n'": "",
    "par": "by", "est": "is", "sont": "are", "ont": "have", "tout": "all", "tous": "all", "plus": "more",
    "sans": "without", "nouveau": "new", "petit": "small", "comme": "as", "mais": "but", "programmes": "programs",
    "comment": "how", "propose": "proposes", "son": "its", "sa": "its", "ses": "its", "tracer": "trace",
    "mieux": "better", "moins": "less", "très": "very", "cela": "that", "ceci": "this", "ce": "this",
    "font": "do", "vers": "to",  # "font generation", "vers. 2"
}
# What makes a question French: its own words, not the field's English ones.
_MARKERS = frozenset({"quels", "quelles", "quel", "quelle", "lesquels", "lesquelles", "lequel", "laquelle", "avec",
                      "sans", "donc", "plutôt", "parmi", "pourquoi", "combien", "papiers", "papier", "une", "dans",
                      "sur", "est-ce", "c'est", "qui", "aux", "aucun", "aucune", "leur", "leurs", "données", "façon",
                      "chaque"})


def _pattern(words: dict[str, str]) -> re.Pattern[str]:
    """Longest first; an elided word ("l'", "qu'") runs into the next one."""
    keys = sorted(words, key=len, reverse=True)
    return re.compile(r"(?<![\w'-])(?:" + "|".join(re.escape(k).replace(r"\ ", r"\s+") +
                                                    ("" if k.endswith("'") else r"(?![\w'-])") for k in keys) + ")",
                      re.I)


_OWN, _BOTH = _pattern(_FRENCH), _pattern({**_SHARED, **_FRENCH})
_OWN_WORDS = frozenset(word for word in _FRENCH if re.fullmatch(r"[\w-]+", word)) - _MARKERS
# An elided article or pronoun before its word ("l'information", "d'un", "qu'on"), apart so both are read; not
# "c'est", "n'importe", "s'appuie sur", "qu'est-ce", "qu'il y a", which are read whole.
_ELIDED = re.compile(r"(?<![\w'-])(l|d|j|qu)'(?!est-ce|il\s+y\b)(?=\w)", re.I)
# A verb's pronoun after it in a question: "utilisent-ils", "diffère-t-elle".
_INVERTED = re.compile(r"(?<=\w\w)-(?:t-)?(?:ils|elles|il|elle|on)(?![\w-])", re.I)
# "le papier de CodeTree", "le papier IMO-Steps": the paper of that name.
_THE_PAPER = re.compile(r"\b(?:[Ll]e|[Cc]e)\s+papier\s+(?:de\s+|d'\s*)?(?P<name>[A-Z][\w.+-]*(?:\s+[A-Z0-9][\w.+-]*)*)")
_QUOTES = re.compile(r"«\s*([^»]*?)\s*»")
_SPACED = re.compile(r"[ \u00a0\u202f]+(?=[?!:;](?:\s|$))")


def _markers(question: str) -> int:
    """How many words only French writes the question has."""
    words = {w.lower().replace("’", "'") for w in re.findall(r"[\w'’-]+", question)}
    return len(words & _MARKERS) + len(words & _OWN_WORDS)


def from_french(question: str) -> str:
    """The question with its French read in English ("quels papiers use Lean ?" -> "which papers use Lean?"); an
    English question is returned as typed, but for French typography."""
    text = _SPACED.sub("", _QUOTES.sub(r'"\1"', question.replace("’", "'")))
    if not _OWN.search(text) and _markers(text) < 2:
        return text if text != question.replace("’", "'") else question
    both = _markers(text) >= 2
    if both:
        text = _INVERTED.sub("", _ELIDED.sub(r"\1' ", _THE_PAPER.sub(r"the \g<name> paper", text)))
    words = _BOTH if both else _OWN

    def english(match: re.Match[str]) -> str:
        said = match.group(0)
        key = re.sub(r"\s+", " ", said.lower())
        start = not text[:match.start()].strip() or re.search(r"[.?!:;]\s*$", text[:match.start()])
        name = key in _SHARED and said[:1].isupper() and said[1:2].islower() and \
            (not start or re.match(r"\s+[A-Z][a-z]", text[match.end():]))
        if name or (key == "comment" and not start):
            return said  # "La Plata", "Les Houches": a name; "comment" within a sentence is English
        if start and key in ("qui", "que"):  # "Qui a proposé X ?", "Que propose STP ?"
            return "Who" if key == "qui" else "What"
        meant = _FRENCH.get(key, _SHARED.get(key, said))
        return meant[0].upper() + meant[1:] if start and meant else meant

    text = words.sub(english, text)
    text = re.sub(r"\s{2,}", " ", re.sub(r"\s+(?=[?.!,;:])", "", text)).strip()
    return text if re.search(r"\w", text) else question
