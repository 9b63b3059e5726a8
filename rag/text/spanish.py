"""Spanish mixed into an English question, read in English.

Why: bilingual researchers switch languages mid-sentence ("qué papers usan SWE-bench?", "necesito los papers que
tiran de evolutionary search"): the names and terms stay English, the words around them are Spanish. The index is
English, and so are the rules that read a question's shape; Spanish words read as names no abstract has, and a list
asked in Spanish was refused. So the Spanish is put in English word by word, with the phrases whose words mean
something else together, an adjective moved before its noun ("modelos pequeños" -> "small models") and the verb of a
question after its subject ("qué dicen los papers" -> "what do the papers say"). Only in a question with a word
English never writes: "la", "de" or "con" alone may be a name's, or English.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache

from rag.text.clean import fold

# Phrases first: their words mean something else together. Keys without accents (matched loosely, see _loose);
# "" drops the phrase (fillers).
_PHRASES = {
    "o sea": "", "pues": "", "oye": "", "jaja": "", "jajaja": "", "ese rollo": "that kind of thing",
    "y tal": "and so on", "y demas": "and so on", "y eso": "and so on", "curiosidad mia": "just curious",
    "da igual": "whatever", "me da igual": "whatever", "ya sea": "whether", "mas o menos": "roughly",
    "los dos": "both", "las dos": "both", "ambos": "both", "ambas": "both",
    "de esos": "of those", "de esas": "of those", "de estos": "of these", "de estas": "of these",
    "de ellos": "of them", "de ellas": "of them",
    "no cuentan": "do not count", "no cuenta": "does not count", "no me valen": "I do not want",
    "no me vale": "I do not want", "me valen": "I want", "me vale": "I want", "no me interesan": "I do not want",
    "los que": "the ones that", "las que": "the ones that", "el que": "the one that", "la que": "the one that",
    "lo que": "what", "creo que era": "I think it was", "creo que": "I think", "me suena que": "I think",
    "lo necesito": "I need it",
    "los necesito": "I need them", "tiran de": "use", "tira de": "uses", "tirar de": "use",
    "quedarse con": "keep", "se quedan con": "keep", "quedarte con": "keep",
    "hay algun": "is there any", "hay alguno": "is there any", "hay alguna": "is there any",
    "se han": "have been", "se ha": "has been", "se usa": "is used", "se usan": "are used",
    "por ejemplo": "for example", "por favor": "please", "porfa": "please", "sin embargo": "however",
    "o no": "or not", "cada uno": "each one", "cada una": "each one", "sobre todo": "especially",
    "en concreto": "specifically", "aparte de": "besides", "ademas de": "besides", "en vez de": "instead of",
    "en lugar de": "instead of", "a partir de": "from", "en cuanto a": "regarding", "con respecto a": "regarding",
    "respecto a": "regarding", "basado en": "based on", "basada en": "based on", "basados en": "based on",
    "basadas en": "based on", "inspirado en": "inspired by", "inspirada en": "inspired by",
    "para que": "so that", "ya que": "since", "a la vez": "at the same time",
    "conjunto de datos": "dataset", "conjuntos de datos": "datasets", "mundo real": "real world",
    "lenguajes de programacion": "programming languages", "lenguaje de programacion": "programming language",
    "cuanto ayuda": "how much it helps", "cuanto ayudan": "how much they help", "cuales son": "which are they",
    "cual es": "which is it", "cuales hay": "which are there", "en el loop": "in the loop",
    "basta con": "is it enough to", "modelo base": "base model", "modelos base": "base models",
    "casos de prueba": "test cases", "caso de prueba": "test case", "busqueda en arbol": "tree search",
    "a si mismos": "themselves", "a si mismo": "itself", "si mismos": "themselves", "si mismo": "itself",
    "quiero saber": "I want to know", "alguien sabe": "", "me interesan": "I am interested in",
    "me interesa": "I am interested in", "me gustaria saber": "I want to know",
    "cuales son los papers": "which papers", "cuales son los trabajos": "which papers",
    "cuales son los articulos": "which papers", "cuales son las papers": "which papers",
    "tiene sentido": "makes sense", "me dices": "tell me", "que onda con": "what about", "verdad": "right",
    "no se": "I do not know", "que tan": "how",
    "ciencias de la computacion": "computer science", "habeis visto": "have you seen", "por que": "why",
    "vale la pena": "is it worth", "hable de": "talks about",
    "hablen de": "talk about", "habla de": "talks about", "hablan de": "talk about",
    "en que se diferencian": "how do they differ", "en que se diferencia": "how does it differ",
    "quien saca mas": "which scores higher", "quien gana": "which wins", "cual saca mas": "which scores higher",
}
# "matemáticas de nivel undergraduate": undergraduate-level mathematics.
_LEVEL = re.compile(r"(?P<noun>[^\W\d_]+)\s+de\s+nivel\s+(?P<level>[\w-]+)", re.I)
# "en qué se diferencian los problemas": how the problems differ.
_DIFFER = re.compile(r"\ben\s+qu[eé]\s+se\s+diferencian?\s+(?P<subject>(?:los|las|el|la)\s+[\w-]+)", re.I)
# "más de 1000 usuarios", "menos del 10%": a bound.
_THAN = re.compile(r"\b(?P<more>m[aá]s|menos)\s+del?\s+(?=\d)", re.I)
# "superan el 50% en miniF2F": above it.
_EXCEED = re.compile(r"\bsuperan?\s+(?:el\s+|un\s+)?(?=\d)", re.I)
# "..., no?" after a claim: asking it be confirmed.
_TAG_NO = re.compile(r",\s*no\s*\?\s*$", re.I)
# Words; keys without accents. Accents tell "qué" (what) from "que" (that), and are often left out: both are read
# by place (see _ASK_WORDS).
_WORDS = {
    "el": "the", "la": "the", "los": "the", "las": "the", "lo": "it", "un": "a", "una": "a", "unos": "some",
    "unas": "some", "de": "of", "del": "of the", "al": "to the", "en": "in", "con": "with", "sin": "without",
    "sobre": "on", "para": "for", "por": "by", "entre": "between", "hasta": "up to", "desde": "from",
    "segun": "according to", "contra": "against", "y": "and", "e": "and", "o": "or", "u": "or", "ni": "nor",
    "pero": "but", "tambien": "also", "ademas": "also", "solo": "only", "solamente": "only", "si": "if",
    "mas": "more", "menos": "less", "muy": "very", "mejor": "best", "peor": "worst", "otro": "other",
    "otros": "other", "otra": "other", "otras": "other", "todos": "all", "todas": "all", "todo": "all",
    "toda": "all", "cada": "each", "algun": "any", "alguno": "any", "alguna": "any", "algunos": "some",
    "algunas": "some", "ningun": "no", "ninguno": "none", "ninguna": "none", "varios": "several",
    "varias": "several", "muchos": "many", "muchas": "many", "mucho": "much", "mucha": "much", "pocos": "few",
    "pocas": "few", "este": "this", "esta": "this", "estos": "these", "estas": "these", "ese": "that",
    "esa": "that", "esos": "those", "esas": "those", "eso": "that", "esto": "this", "ellos": "they",
    "ellas": "they", "su": "their", "sus": "their", "mi": "my", "mis": "my", "nuestro": "our", "nuestros": "our",
    "me": "me", "se": "", "le": "it", "les": "them", "ya": "already", "aun": "still", "asi": "so", "tal": "such",
    "bien": "well", "no": "not", "aqui": "here", "ahi": "there", "hoy": "today", "porque": "because",
    "quien": "who", "quienes": "who", "donde": "where", "cuando": "when", "cuantos": "how many",
    "cuantas": "how many", "cuanto": "how much", "cuanta": "how much", "cual": "which", "cuales": "which",
    "era": "was", "eran": "were", "fue": "was", "fueron": "were", "ojo": "note", "vale": "ok", "bueno": "well",
    "tipo": "like", "osea": "", "nada": "nothing", "algo": "something", "veces": "times", "vez": "time",
    "igual": "maybe", "casi": "almost", "tampoco": "either", "realmente": "really",
    "exactamente": "exactly", "directamente": "directly", "explicitamente": "explicitly", "bajisimo": "very low",
    "altisimo": "very high", "bajo": "low", "alto": "high", "baja": "low", "alta": "high",
    "darle": "giving", "dar": "give", "hay": "are there", "medio": "average", "tanto": "so much",
    "xq": "why", "q": "that", "pa": "for", "xfa": "please", "plis": "please", "instrucciones": "instructions",
    "instruccion": "instruction", "traduccion": "translation", "resumen": "summary", "valido": "valid",
    "validos": "valid", "valida": "valid", "validas": "valid",
    # the asker's own verbs
    "necesito": "I need", "busco": "I am looking for", "quiero": "I want", "creo": "I think", "tengo": "I have",
    "estoy": "I am", "recuerdo": "I remember", "preparo": "I am preparing", "dime": "tell me", "dame": "give me",
    "listame": "list", "muestrame": "show me", "explicame": "explain", "ensename": "show me",
}
_NOUNS = {
    "codigo": "code", "codigos": "code", "modelo": "model", "modelos": "models", "datos": "data",
    "programa": "program", "programas": "programs", "tarea": "task", "tareas": "tasks", "problema": "problem",
    "problemas": "problems", "matematicas": "math", "matematica": "math", "ejecucion": "execution",
    "eficiencia": "efficiency", "evaluacion": "evaluation", "evaluaciones": "evaluations", "fuente": "source",
    "fuentes": "sources", "diseno": "design", "sistema": "system", "sistemas": "systems", "algoritmo": "algorithm",
    "algoritmos": "algorithms", "busqueda": "search", "entrenamiento": "training", "razonamiento": "reasoning",
    "herramienta": "tool", "herramientas": "tools", "agente": "agent", "agentes": "agents", "version": "version",
    "versiones": "versions", "variante": "variant", "variantes": "variants", "tamano": "size", "tamanos": "sizes",
    "contexto": "context", "resultado": "result", "resultados": "results", "metrica": "metric",
    "metricas": "metrics", "numero": "number", "numeros": "numbers", "lenguaje": "language",
    "lenguajes": "languages", "estrategia": "strategy", "estrategias": "strategies", "enfoque": "approach",
    "enfoques": "approaches", "metodo": "method", "metodos": "methods", "tecnica": "technique",
    "tecnicas": "techniques", "diversidad": "diversity", "generalizacion": "generalization",
    "verificacion": "verification", "paso": "step", "pasos": "steps", "coste": "cost", "costo": "cost",
    "costes": "costs", "costos": "costs", "latencia": "latency", "inferencia": "inference", "velocidad": "speed",
    "humano": "human", "humanos": "humans", "experto": "expert", "expertos": "experts",
    "desarrollador": "developer", "desarrolladores": "developers", "tabla": "table", "prueba": "test",
    "pruebas": "tests", "demostracion": "proof", "demostraciones": "proofs", "teorema": "theorem",
    "teoremas": "theorems", "ejemplo": "example", "ejemplos": "examples", "calidad": "quality",
    "cantidad": "quantity", "rendimiento": "performance", "tasa": "rate",
    "exito": "success", "errores": "errors", "fallo": "failure", "fallos": "failures", "mejoras": "improvements",
    "investigacion": "research", "articulo": "paper", "articulos": "papers", "trabajo": "work",
    "trabajos": "works", "estudio": "study", "estudios": "studies", "pregunta": "question",
    "preguntas": "questions", "respuesta": "answer", "respuestas": "answers", "nivel": "level",
    "entorno": "environment", "entornos": "environments", "juego": "game", "juegos": "games", "tiempo": "time",
    "memoria": "memory", "parametros": "parameters", "muestras": "samples", "intento": "attempt",
    "intentos": "attempts", "seguridad": "security", "vulnerabilidades": "vulnerabilities", "etiquetas": "labels",
    "anotaciones": "annotations", "repositorio": "repository", "repositorios": "repositories",
    "ciencia": "science", "descubrimiento": "discovery", "funcion": "function", "funciones": "functions",
    "sintaxis": "syntax", "arbol": "tree", "salida": "output", "salidas": "outputs", "entrada": "input",
    "entradas": "inputs", "usuario": "user", "usuarios": "users", "falta": "lack", "escasez": "shortage",
    "autores": "authors", "idiomas": "languages", "pruebas unitarias": "unit tests", "recompensa": "reward",
    "recompensas": "rewards", "refuerzo": "reinforcement", "aprendizaje": "learning", "busquedas": "searches",
    "planificacion": "planning", "licencia": "license", "universidad": "university", "limitaciones": "limitations",
    "limitacion": "limitation", "ano": "year", "anos": "years", "dolar": "dollar", "dolares": "dollars",
    "linea": "line", "lineas": "lines", "caso": "case", "casos": "cases", "subareas": "subareas",
    "percentil": "percentile", "verificador": "verifier", "verificadores": "verifiers",
    "contaminacion": "contamination", "dispositivo": "device", "dispositivos": "devices", "geometria": "geometry",
    "hora": "hour", "horas": "hours", "dia": "day", "dias": "days", "solucion": "solution",
    "soluciones": "solutions", "diferencia": "difference", "diferencias": "differences",
    "fallas": "failures", "puntuacion": "score", "puntuaciones": "scores", "porcentaje": "percentage",
    "demostradores": "provers", "demostrador": "prover", "entrenamientos": "trainings", "ventana": "window",
    "bibliotecas": "libraries", "biblioteca": "library", "librerias": "libraries", "libreria": "library",
}
# Adjectives, which Spanish puts after the noun.
_ADJECTIVES = {
    "pequeno": "small", "pequenos": "small", "pequena": "small", "pequenas": "small", "grande": "large",
    "grandes": "large", "nuevo": "new", "nuevos": "new", "nueva": "new", "nuevas": "new",
    "evolutivo": "evolutionary", "evolutivos": "evolutionary", "evolutiva": "evolutionary",
    "evolutivas": "evolutionary", "candidato": "candidate", "candidatos": "candidate", "candidatas": "candidate",
    "abierto": "open", "abiertos": "open", "abierta": "open", "abiertas": "open", "randomizado": "randomized",
    "randomizados": "randomized", "randomizada": "randomized", "randomizadas": "randomized",
    "aleatorio": "random", "aleatorios": "random", "aleatorias": "random", "formales": "formal",
    "sintetico": "synthetic", "sinteticos": "synthetic", "sintetica": "synthetic", "sinteticas": "synthetic",
    "reales": "real", "matematico": "mathematical", "matematicos": "mathematical", "automatico": "automatic",
    "automaticos": "automatic", "automatica": "automatic", "automaticas": "automatic",
    "automatizado": "automated", "automatizados": "automated", "generado": "generated", "generados": "generated",
    "generada": "generated", "generadas": "generated", "entrenado": "trained", "entrenados": "trained",
    "fine-tuneado": "fine-tuned", "fine-tuneados": "fine-tuned", "fine-tuneada": "fine-tuned",
    "fine-tuneadas": "fine-tuned", "distinto": "different", "distintos": "different", "distintas": "different",
    "diferentes": "different", "rapido": "fast", "rapidos": "fast", "lento": "slow", "lentos": "slow",
    "barato": "cheap", "baratos": "cheap", "caro": "expensive", "caros": "expensive",
    "eficiente": "efficient", "eficientes": "efficient", "unitarios": "unit",
    "humana": "human", "humanas": "human", "propio": "own", "propia": "own", "propios": "own", "propias": "own",
        "competitiva": "competitive", "competitivo": "competitive", "estatico": "static", "estatica": "static",
    "especifico": "specific", "especificos": "specific", "especifica": "specific", "especificas": "specific",
}
# Verbs, as (Spanish infinitive, English base form): their third persons, gerund and participles are made by rule
# (_conjugations); irregular forms are listed below.
_VERBS = [
    ("usar", "use"), ("utilizar", "use"), ("emplear", "use"), ("aplicar", "apply"), ("proponer", "propose"),
    ("presentar", "present"), ("introducir", "introduce"), ("evaluar", "evaluate"), ("medir", "measure"),
    ("mencionar", "mention"), ("citar", "cite"), ("comparar", "compare"), ("trabajar", "work"), ("hacer", "do"),
    ("decir", "say"), ("generar", "generate"), ("entrenar", "train"), ("reportar", "report"),
    ("publicar", "release"), ("liberar", "release"), ("incluir", "include"), ("construir", "build"),
    ("mejorar", "improve"), ("superar", "outperform"), ("conseguir", "achieve"), ("lograr", "achieve"),
    ("alcanzar", "reach"), ("obtener", "get"), ("sacar", "get"), ("resolver", "solve"), ("poder", "can"),
    ("intentar", "try to"), ("mirar", "examine"), ("estudiar", "study"), ("analizar", "analyze"),
    ("combinar", "combine"), ("aumentar", "increase"), ("reducir", "reduce"), ("bajar", "reduce"),
    ("subir", "increase"), ("automatizar", "automate"), ("predecir", "predict"), ("simular", "simulate"),
    ("optimizar", "optimize"), ("meter", "put"), ("anadir", "add"), ("tener", "have"), ("mostrar", "show"),
    ("encontrar", "find"), ("concluir", "conclude"), ("argumentar", "argue"), ("defender", "argue"),
    ("criticar", "criticize"), ("ayudar", "help"), ("funcionar", "work"), ("fallar", "fail"),
    ("necesitar", "need"), ("depender", "depend"), ("abordar", "address"), ("tratar", "address"),
    ("hablar", "talk about"), ("diferenciar", "differ"), ("samplear", "sample"), ("afinar", "fine-tune"),
    ("ajustar", "fine-tune"), ("definir", "define"), ("escalar", "scale"), ("destilar", "distill"),
    ("competir", "compete"),
    ("verificar", "verify"), ("demostrar", "prove"), ("probar", "test"), ("elegir", "choose"),
    ("escoger", "choose"), ("seleccionar", "select"), ("decidir", "decide"), ("entender", "understand"),
    ("evitar", "avoid"), ("seguir", "follow"), ("traducir", "translate"), ("detectar", "detect"),
    ("corregir", "correct"), ("explicar", "explain"), ("recibir", "receive"), ("crear", "create"),
    ("desarrollar", "develop"), ("describir", "describe"), ("discutir", "discuss"), ("explorar", "explore"),
    ("cubrir", "cover"), ("contar", "count"), ("valer", "count"), ("costar", "cost"), ("ganar", "win"),
    ("fine-tunear", "fine-tune"), ("rankear", "rank"), ("filtrar", "filter"), ("ejecutar", "run"),
    ("correr", "run"), ("compilar", "compile"), ("buscar", "search"), ("recuperar", "retrieve"),
    ("etiquetar", "label"), ("anotar", "annotate"), ("planificar", "plan"), ("razonar", "reason"),
    ("escribir", "write"), ("saber", "know"), ("conocer", "know"), ("llegar", "reach"),
    ("cubrir", "cover"), ("quedar", "rank"), ("tardar", "take"),
    ("deber", "be due"),
]
# Irregular forms (and subjunctives, which would also make English words: "meta" of meter).
_IRREGULAR = {
    "tienen": "have", "tiene": "has", "hacen": "do", "hace": "does", "dicen": "say", "dice": "says",
    "pueden": "can", "puede": "can", "miden": "measure", "mide": "measures", "consiguen": "achieve",
    "consigue": "achieves", "obtienen": "get", "obtiene": "gets", "resuelven": "solve", "resuelve": "solves",
    "muestran": "show", "muestra": "shows", "encuentran": "find", "encuentra": "finds", "defienden": "argue",
    "defiende": "argues", "proponen": "propose", "propone": "proposes", "construyen": "build",
    "construye": "builds", "incluyen": "include", "incluye": "includes", "concluyen": "conclude",
    "concluye": "concludes", "introducen": "introduce", "introduce": "introduces", "reducen": "reduce",
    "reduce": "reduces", "predicen": "predict", "predice": "predicts", "traducen": "translate",
    "traduce": "translates", "siguen": "follow", "sigue": "follows", "eligen": "choose", "elige": "chooses",
    "corrigen": "correct", "corrige": "corrects", "compiten": "compete", "compite": "competes",
    "entienden": "understand", "entiende": "understands", "cuentan": "count", "cuenta": "counts",
    "cuesta": "costs", "cuestan": "cost", "valen": "count", "son": "are", "es": "is", "estan": "are",
    "esta": "is", "sirve": "works", "sirven": "work", "basta": "suffices", "hecho": "done", "dicho": "said",
    "construido": "built", "construidos": "built", "resuelto": "solved", "propuesto": "proposed",
    "generando": "generating", "haciendo": "doing", "usen": "use", "miren": "examine", "automaticen": "automate",
    "mencionen": "mention", "hagan": "do", "tengan": "have", "propongan": "propose", "evaluen": "evaluate",
    "generen": "generate", "reporten": "report", "intenten": "try to", "incluyan": "include",
    "comparen": "compare", "entrenen": "train", "publiquen": "release", "mejoren": "improve",
    "superen": "outperform", "consigan": "achieve", "logren": "achieve", "resuelvan": "solve",
    "puedan": "can", "traten": "address", "estudien": "study", "analicen": "analyze", "apliquen": "apply",
    "utilicen": "use", "optimicen": "optimize", "tuvo": "had", "tuvieron": "had", "hubo": "was there",
    "hizo": "did", "hicieron": "did", "dijo": "said", "dijeron": "said", "pudo": "could", "pudieron": "could",
    "hable": "talks about", "hablen": "talk about", "sabe": "knows", "usa": "uses", "genera": "generates",
    "mira": "examines", "cree": "believes", "creen": "believe", "tenia": "had", "tenian": "had", "llego": "reached",
    "llegaron": "reached", "sabeis": "know", "sabes": "know", "teneis": "have", "conocen": "know",
}
# Words that English writes too: a question is read as Spanish only with some other word of the tables.
_ALSO_ENGLISH = {"a", "no", "la", "el", "de", "en", "con", "sin", "son", "es", "e", "o", "u", "y", "me", "se", "lo",
                 "le", "si", "tipo", "et", "al", "i", "vs", "etc", "solo", "era", "dice", "base", "mi", "su", "un",
                 "una", "ya", "vale", "real", "tal", "casi", "alto", "bajo", "igual", "hay", "fue", "entre", "contra",
                 "ni", "ese", "este", "esta", "eso", "mas", "vez", "version", "funcion", "precision", "formal", "use",
                 "cita", "meter", "dar", "ojo", "nada", "algo", "caro", "rapido", "crear", "compare", "present",
                 "sable", "sabe", "media", "once", "todo", "todos",
                 "sus", "mucho", "bueno", "hasta", "tabla", "hora", "tiempo", "mete", "mire", "resolver",
                 "cuesta", "pro", "pena", "mira", "usa", "los", "las", "por"}
# Words of the tables the encoder's vocabulary holds, though English does not write them in a question.
_ONLY_SPANISH = {"dime", "dame", "del", "pero", "bien", "nuevo", "nueva", "esa", "mis", "les"}
_ACCENTED = re.compile(r"[áéíóúñü¿¡]", re.I)
# Question words read by their place and accent ("qué" which / "que" that, "cómo" how / "como" as).
_QUESTION_WORDS = frozenset({"que", "como"})
# After these a "qué"/"que" asks ("... y qué métrica usa?"); elsewhere "que" is "that".
_ASK_STARTS = re.compile(r"(?:^|[.?!¿;:,(—–-]|\by\b|\bpero\b|\bdime\b|\bsaber\b)\s*$", re.I)
# Abbreviations, whose letters are no words: "e.g.", "i.e.", "et al.", "vs.".
_ABBREVIATED = re.compile(r"(?:\b[a-z]\.[a-z]\.?|\bet\s+al\b|\b[a-z]\.$|^\.?[a-z]\.)", re.I)
_SENTENCE_START = re.compile(r"(?:^|[.?!¿;:(—–-])\s*$")


def _plain(word: str) -> str:
    """The word in lower case, without accents: how the tables key it."""
    return fold(word)


def _english_forms(base: str) -> tuple[str, str, str]:
    """An English verb's third person, gerund and past participle (base "use": uses, using, used)."""
    if " " in base:  # "try to": its first word is the verb
        head, rest = base.split(" ", 1)
        return tuple(f"{form} {rest}" for form in _english_forms(head))  # type: ignore[return-value]
    if base == "can":
        return "can", "being able to", "been able to"
    third = "has" if base == "have" else base[:-1] + "ies" if re.search(r"[^aeiou]y$", base) else base + "es" \
        if re.search(r"(?:s|x|ch|sh|o)$", base) else base + "s"
    stem = base[:-1] if base.endswith("e") and not base.endswith("ee") else base
    gerund = stem + "ing"
    irregular = {"build": "built", "find": "found", "get": "got", "put": "put", "run": "run", "say": "said",
                 "do": "done", "show": "shown", "choose": "chosen", "win": "won", "cost": "cost", "have": "had",
                 "write": "written", "know": "known", "take": "taken"}
    past = irregular.get(base) or (base + "d" if base.endswith("e") else base[:-1] + "ied"
                                   if re.search(r"[^aeiou]y$", base) else base + "ed")
    return third, gerund, past


@lru_cache(maxsize=1)
def _bases() -> dict[str, str]:
    """The English base form of each third person singular the tables read ("tiene": "have", "cubre": "cover"): a
    question asks with "does" and the base ("cuántas subáreas cubre CS-Bench?": how many does CS-Bench cover)."""
    bases: dict[str, str] = {}
    base_of: dict[str, str] = {}  # English third person -> base ("has" -> "have")
    for infinitive, base in _VERBS:
        stem, ending = infinitive[:-2], infinitive[-2:]
        bases.setdefault(stem + ("a" if ending == "ar" else "e"), base)
        base_of.setdefault(_english_forms(base)[0], base)
    # The irregular ones ("tiene", "hace", "mide"), by the English third person the tables read them as.
    bases.update({word: base_of[english] for word, english in _IRREGULAR.items() if english in base_of})
    return bases


@lru_cache(maxsize=1)
def _verb_forms() -> tuple[dict[str, str], frozenset[str], frozenset[str]]:
    """Every Spanish verb form the tables read, with its English; the plural ones (a subject follows them in a
    question: "qué dicen los papers"); and the singular ones made by rule, no sign of Spanish by themselves:
    "compile", "define", "optimize" are English too."""
    forms: dict[str, str] = {}
    plural: set[str] = set()
    for infinitive, base in _VERBS:
        third, gerund, past = _english_forms(base)
        stem, ending = infinitive[:-2], infinitive[-2:]
        vowel = "a" if ending == "ar" else "e"
        forms.setdefault(infinitive, base)
        forms.setdefault(stem + vowel + "n", base)
        plural.add(stem + vowel + "n")
        forms.setdefault(stem + vowel, third)
        forms.setdefault(stem + ("ando" if ending == "ar" else "iendo"), gerund)
        for participle in ("ado", "ada", "ados", "adas") if ending == "ar" else ("ido", "ida", "idos", "idas"):
            forms.setdefault(stem + participle, past)
        # the past ("publicó", "escribieron") and the subjunctive ("que hable de ...", "que usen ...")
        for preterite in ("o", "aron") if ending == "ar" else ("io", "ieron"):
            forms.setdefault(stem + preterite, past)
        other = "e" if ending == "ar" else "a"
        forms.setdefault(stem + other, third)
        forms.setdefault(stem + other + "n", base)
        plural.add(stem + other + "n")
        # the imperfect ("tenía", "usaban")
        for imperfect in ("aba", "aban") if ending == "ar" else ("ia", "ian"):
            forms.setdefault(stem + imperfect, past)
    made = frozenset(forms)
    for word, english in _IRREGULAR.items():
        forms[word] = english
        if word.endswith("n") and english and not english.endswith("s"):
            plural.add(word)
    singular = frozenset(w for w in made if w not in _IRREGULAR and not re.search(r"(?:[ae]n|ar|er|ir)$", w))
    return forms, frozenset(plural), singular


def _loose(phrase: str) -> str:
    """A pattern for a phrase keyed without accents that also matches it written with them."""
    letters = {"a": "[aá]", "e": "[eé]", "i": "[ií]", "o": "[oó]", "u": "[uúü]", "n": "[nñ]"}
    return r"\s+".join("".join(letters.get(c, re.escape(c)) for c in word) for word in phrase.split())


@lru_cache(maxsize=1)
def _phrase_pattern() -> re.Pattern[str]:
    alternatives = sorted(_PHRASES, key=len, reverse=True)
    return re.compile(rf"(?<![\w-])(?:{'|'.join(_loose(p) for p in alternatives)})(?![\w-])", re.I)


_KEPT = "\u2063"  # marks a word already in English (an invisible separator, never typed)
_WORD = re.compile(r"(?<![\w-])[^\W\d_]+(?:-[^\W\d_]+)*(?![\w-])")


def _lookup(word: str) -> tuple[str, str] | None:
    """The English of one Spanish word and what it is (noun, adjective, verb, plural verb, word), or None."""
    key = _plain(word)
    forms, plural, _ = _verb_forms()
    if key in _NOUNS:
        return _NOUNS[key], "noun"
    if key in _ADJECTIVES:
        return _ADJECTIVES[key], "adjective"
    if key in forms and key not in _WORDS:
        return forms[key], "plural" if key in plural else "verb"
    if key in _WORDS:
        return _WORDS[key], "word"
    return None


def _english(english: Callable[[str], bool] | None) -> Callable[[str], bool]:
    """Whether a word is English: a whole word of the sentence encoder's English vocabulary, or one the caller
    knows (the abstracts' words). Not tiktoken's table: it holds Spanish too ("algun")."""
    from rag.text.typos import encoder_words

    return lambda word: word in encoder_words() or (english is not None and english(word))


def is_spanish(text: str, english: Callable[[str], bool] | None = None) -> bool:
    """Whether the text has a Spanish word English never writes: an accented one of the tables, or one neither
    listed as English too nor English by `english` ("describe", "optimize" and "reduce" are English as well)."""
    known = _english(english)
    for match in _WORD.finditer(text):
        word = match[0]
        if (word.isupper() and len(word) > 1) or (word[0].isupper() and match.start() > 0):
            continue  # a name: in capitals, or capitalised inside the question ("Los Alamos")
        key = _plain(word)
        found = _lookup(word)
        if (found is None and key not in _PHRASES and key not in _QUESTION_WORDS) or len(key) < 2:
            continue  # no word of the tables, or a lone letter ("é" may be Portuguese)
        if found is not None and ((found[1] == "verb" and key in _verb_forms()[2]) or
                                  (found[1] in ("noun", "adjective") and not _ACCENTED.search(word))):
            continue  # "compile", "évalué"; "tecnica", "problema" (Italian too)
        if _ACCENTED.search(word) or key in _ONLY_SPANISH or \
                (key not in _ALSO_ENGLISH | _QUESTION_WORDS and not known(key)):
            return True
    # A phrase of two or more words with one English lacks ("ya sea", "o sea", "los dos").
    for match in _phrase_pattern().finditer(text):
        words = [_plain(w) for w in match[0].split()]
        if len(words) > 1 and any(w not in _ALSO_ENGLISH and not known(w) for w in words):
            return True
    return bool(re.search(r"[¿¡]|\bpa['’]\s", text))


def in_english(question: str, english: Callable[[str], bool] | None = None) -> str:
    """The question with its Spanish words in English; unchanged when it has none. `english`: whether a word is
    English (the abstracts' words), besides the encoder's vocabulary."""
    if not is_spanish(question, english):
        return question
    text = re.sub(r"\bpa['’](?=\s)", "para", re.sub(r"[¿¡]", "", question))  # "pa' code generation"
    text = _LEVEL.sub(lambda m: f"{m['level']}-level {m['noun']}", _TAG_NO.sub(", right?", text))
    text = _DIFFER.sub(lambda m: f"how do {m['subject']} differ", text)
    text = _THAN.sub(lambda m: f"{'more' if _plain(m['more']) == 'mas' else 'less'} than ", text)
    text = _EXCEED.sub("exceed ", text)
    text = _inverted(text)
    # A phrase's English is not read again as Spanish ("tiran de" is "use", not the subjunctive of "usar").
    text = _phrase_pattern().sub(lambda m: " " + " ".join(_KEPT + w for w in _PHRASES[" ".join(_plain(m[0]).split())]
                                                          .split()) + " ", text)
    pieces = _WORD.split(text)
    words = _WORD.findall(text)
    known = _english(english)
    out: list[str] = []
    kinds: list[str] = []
    before = ""  # the question as typed up to the word
    for i, word in enumerate(words):
        before += pieces[i]
        read, kind = _word_in_english(word, before, words[i + 1] if i + 1 < len(words) else "", pieces[i + 1], known)
        out.append(read)
        kinds.append(kind)
        before += word
    _adjectives_first(out, kinds, pieces)
    text = "".join(p + w for p, w in zip(pieces, [*out, ""], strict=True)).replace(_KEPT, "")
    text = re.sub(r"\s{2,}", " ", text)
    text = re.sub(r"\s+(?=[,.;:?!)])", "", text)
    return re.sub(r"^[\s,;:.]+|(?<=[.?!])\s*,\s*|(?<=,)\s*,", lambda m: "" if m.start() == 0 else " ", text).strip()


def _word_in_english(word: str, before: str, after: str, follows: str,
                     known: Callable[[str], bool]) -> tuple[str, str]:
    """One word of the question in English, read by its place: "qué"/"que" asks after a clause start ("which") and
    ties a clause elsewhere ("that"); "cómo" asks, "como" is "as"; "hay" first is "is there"; "para" before an
    infinitive is "to"; "si" before a plural verb is "if they"."""
    if (word.isupper() and len(word) > 1) or (word[0].isupper() and not _ASK_STARTS.search(before)) or \
            before.endswith(_KEPT):
        return word, ""  # a name: "DotaMathQA", "La" inside a title; or a phrase's English
    if _ABBREVIATED.search(before[-3:] + word + follows[:3]) and len(word) <= 3:
        return word, ""  # "e.g.", "i.e.", "et al."
    key = "que" if _plain(word) == "q" else _plain(word)  # "q papers usan ...": chat's "que"
    forms, plural, _ = _verb_forms()
    if key in _QUESTION_WORDS:
        # Typed without its accent, a question word asks only where a sentence starts ("..., como evaluación" is
        # "as"), or after "y" / "pero" for "que" ("y de esos, cuál ... y qué métrica").
        starts = _SENTENCE_START if key == "como" else _ASK_STARTS
        if not (_ACCENTED.search(word) or starts.search(before)):
            return ("that" if key == "que" else "as"), "word"
        if key == "que":
            return ("what" if _plain(after) in forms or after == "do" else "which"), "word"
        return "how", "word"
    if key in ("cual", "cuales") and (_plain(after) in forms or after == "do" or after == "does"):
        # "cuáles hacen fine-tuning ...": which papers do; "cuál tiene ...": which one has.
        return ("which papers" if key == "cuales" else "which one"), "word"
    if key == "sobre":  # "papers sobre X", "dicen sobre X": about; "fine-tuning sobre un modelo": on
        return ("about" if re.search(r"\b(?:papers?|art[ií]culos?|trabajos?|dicen|dice|algo|nada|hablan|habla)\s*$",
                                     before, re.I) else "on"), "word"
    if key == "a" and re.match(r"\s+[A-Z0-9]", follows) and (last := re.search(r"([^\W\d_]+)\W*$", before)) and \
            _plain(last[1]) in forms:
        return "", "word"  # "supera a GPT-4": the "a" Spanish puts before a named object
    if key == "por" and re.fullmatch(r"[a-z][\w-]*", after) and _plain(after) not in _DETERMINERS:
        return "per", "word"  # "por issue", "por problema": a rate
    if key == "hay":
        return ("is there" if _ASK_STARTS.search(before) else "are there"), "word"
    if key == "para" and _plain(after) in forms and _plain(after).endswith(("ar", "er", "ir")):
        return "to", "word"
    if key == "si" and _plain(after) in plural:
        return "if they", "word"
    if key in ("consiguen", "consigue", "logran", "logra") and _plain(after).endswith(("ar", "er", "ir")):
        return ("manage to" if key.endswith("n") else "manages to"), "word"  # "consiguen aumentar"
    if key == "necesito" and _plain(after).endswith(("ar", "er", "ir")) and _plain(after) in forms:
        return "I need to", "word"
    found = _lookup(word)
    if found is None:
        return word, ""
    english, kind = found
    if kind in ("verb", "plural") and key not in _IRREGULAR and not _ACCENTED.search(word) and known(key):
        return word, ""  # a form made by rule that is an English word ("optimize", "compare") is left as typed
    if word[0].isupper() and english:
        english = english[0].upper() + english[1:]
    return english, kind


# Words that are no noun an adjective after them belongs to.
_NOT_A_NOUN = {"the", "a", "of", "and", "or", "in", "with", "on", "for", "to", "by", "that", "which", "what", "how",
               "is", "are", "be", "not", "more", "very", "it", "they", "this", "these", "those", "all", "some", "any"}


def _adjectives_first(out: list[str], kinds: list[str], pieces: list[str]) -> None:
    """Spanish puts most adjectives after their noun ("modelos pequeños fine-tuneados"), English before it ("small
    fine-tuned models"); a noun typed in English counts ("benchmarks nuevos")."""
    for i in range(1, len(out)):
        if kinds[i] != "adjective" or pieces[i].strip():
            continue
        j = i - 1
        if kinds[j] == "adjective" and j > 0 and not pieces[j].strip() and kinds[j - 1] == "noun":
            j -= 1  # a second adjective after the first, moved already: before both
        if kinds[j] in ("noun", "") and out[j] and out[j].lower() not in _NOT_A_NOUN and \
                re.fullmatch(r"[a-z][\w-]*", out[j]):
            out[j], out[i] = out[i], out[j]
            kinds[j], kinds[i] = "adjective", "noun"
            if j < i - 1:  # the first adjective stays before the noun too
                out[j + 1], out[i] = out[i], out[j + 1]
                kinds[j + 1], kinds[i] = "adjective", "noun"


# "qué dicen los papers sobre X", "qué estrategias usan los papers": the verb before its subject, as Spanish asks.
_INVERTED = re.compile(r"\b(?P<ask>qu[eé]|c[oó]mo|cu[aá]l(?:es)?|cu[aá]ntos?|cu[aá]ntas?)(?P<noun>\s+[\w-]+)??"
                       r"\s+(?P<verb>[^\W\d_]+n)\s+(?P<subject>(?:los|las)\s+(?:papers|autores|art[ií]culos|trabajos|"
                       r"modelos|m[eé]todos|benchmarks|agentes|estudios))\b", re.I)


def _inverted(text: str) -> str:
    """The question's verb after its subject, with the "do" English asks with: "qué dicen los papers" -> "qué do los
    papers dicen"."""
    _, plural, _ = _verb_forms()

    def asks(match: re.Match[str]) -> bool:  # "papers que intentan ...": a relative "que", no question
        return _ACCENTED.search(match["ask"]) is not None or _SENTENCE_START.search(text[:match.start()]) is not None

    def swap(match: re.Match[str]) -> str:
        # not a copula: "cuáles son los trabajos que ..." asks which works
        if _plain(match["verb"]) not in plural or _plain(match["verb"]) in _COPULAS or not asks(match):
            return match[0]
        return f"{match['ask']}{match['noun'] or ''} do {match['subject']} {match['verb']}"

    def they(match: re.Match[str]) -> str:
        if _plain(match["verb"]) not in plural or not asks(match):
            return match[0]
        return f"{match['ask']} do they {match['verb']}"

    def does(match: re.Match[str]) -> str:
        base = _bases().get(_plain(match["verb"]))
        if base is None or base == "can":
            return match[0]
        return f"{match['ask']} {match['what']} {_KEPT}does {match['subject']} {_KEPT}{base}"

    def negated(match: re.Match[str]) -> str:
        verb = _plain(match["verb"])
        if verb in _bases():
            return f"{_KEPT}does {_KEPT}not {_KEPT}{_bases()[verb]}"
        if verb in plural:
            return f"{_KEPT}do {_KEPT}not {match['verb']}"
        return match[0]

    # "qué papers no usan Python": do not use it, as English asks ("no usa": does not use)
    text = re.sub(r"\bno\s+(?P<verb>[a-zá-úñ]+)\b", negated, text)
    text = _COST_TO.sub(lambda m: " ".join(_KEPT + w for w in "how much does it cost to".split()) + " ", text)
    return _COUNT_ASKED.sub(does, _NO_SUBJECT.sub(they, _INVERTED.sub(swap, text)))


# "cuántas subáreas cubre CS-Bench?", "cuántos parámetros tiene el modelo de AlphaCode?": the count before its verb
# and the verb before its subject, a name.
_NAME = r"(?=[\w.+*/-]*[A-Z0-9])[A-Za-z][\w.+*/-]*"
_COUNT_ASKED = re.compile(rf"\b(?P<ask>[cC]u[aá]nt[oa]s?)\s+(?P<what>[^\W\d_]+(?:\s+de\s+(?:(?:el|la|los|las)\s+)?"
                          rf"[^\W\d_]+)?)\s+(?P<verb>[a-zá-ú]+)\s+(?P<subject>(?:(?:el|la)\s+[a-zá-ú]+\s+de\s+)?"
                          rf"{_NAME}(?:\s+[A-Z0-9][\w.+*/-]*)*)")
# "cuánto cuesta usar AutoCodeRover?": what it costs to do something.
_COST_TO = re.compile(r"\b[cC]u[aá]nto\s+cuesta\s+(?=[a-zá-ú]+(?:ar|er|ir)\b)")


_DETERMINERS = {"el", "la", "los", "las", "un", "una", "unos", "unas", "lo", "su", "sus", "este", "esta", "ese", "esa",
                "cada", "que", "eso", "esto", "ejemplo", "favor"}
_COPULAS = {"son", "estan", "eran", "fueron", "seran"}
# "cómo la consiguen aumentar?": the subject left out, as Spanish may; an object pronoun before the verb ("la") is
# dropped, what it stands for was said before.
_NO_SUBJECT = re.compile(r"\b(?P<ask>qu[eé]|c[oó]mo)\s+(?:l[oa]s?\s+)?(?P<verb>[^\W\d_]+n)\b"
                         r"(?!\s+(?:los|las|el|la)\s)", re.I)
