"""The quotes stage: one row per sentence with the quote it must give, plus the quality gate."""

import json
from datetime import date
from pathlib import Path

import pytest

from accord import nlp
from accord.errors import KnowledgeBaseError
from accord.evaluate.quotes import evaluate_quotes, iou, pair
from accord.model import Span
from accord.quotes import QuoteExtractor, load_cues
from accord.read import make_article

from .conftest import shared_path

PUBLISHED = date(2025, 8, 20)

# text, content, kind, speaker (actor name, None when unresolved), cue (None for continuations)
CASES = [
    # direct quotations, every mark style
    ("“We are ready to meet in any format,” Zelensky told reporters in Kyiv on Monday.",
     "We are ready to meet in any format,", "direct", "Volodymyr Zelensky", "told"),
    ("Kremlin spokesman Dmitry Peskov said: “The president is open to contacts with Washington.”",
     "The president is open to contacts with Washington.", "direct", "Dmitry Peskov", "said"),
    ("“The ball is in Russia’s court now,” said Secretary of State Marco Rubio.",
     "The ball is in Russia’s court now,", "direct", "Marco Rubio", "said"),
    ("«Our position on the security guarantees has not changed», Lavrov said in Moscow.",
     "Our position on the security guarantees has not changed", "direct", "Sergey Lavrov", "said"),
    ("‘This is not a peace plan, it is a demand for surrender,’ Keir Starmer said after the call.",
     "This is not a peace plan, it is a demand for surrender,", "direct", "Keir Starmer", "said"),
    ("'We need a ceasefire before anything else,' Emmanuel Macron said on Sunday.",
     "We need a ceasefire before anything else,", "direct", "Emmanuel Macron", "said"),
    ('"Nobody wants this war to drag on for years," Trump wrote on Truth Social.',
     "Nobody wants this war to drag on for years,", "direct", "Donald Trump", "wrote"),
    ("“The talks were useful. We agreed to keep working,” Yuri Ushakov told journalists.",
     "The talks were useful. We agreed to keep working,", "direct", "Yuri Ushakov", "told"),
    # split quotations: two records, same speaker and cue
    ("“We will not trade our land,” Zelensky said, “and we will not reward aggression.”",
     "We will not trade our land,", "direct", "Volodymyr Zelensky", "said"),
    ("“We will not trade our land,” Zelensky said, “and we will not reward aggression.”",
     "and we will not reward aggression.", "direct", "Volodymyr Zelensky", "said"),
    ("The talks, Rubio said, would continue in Geneva next week.",
     "The talks", "indirect", "Marco Rubio", "said"),
    ("The talks, Rubio said, would continue in Geneva next week.",
     "would continue in Geneva next week", "indirect", "Marco Rubio", "said"),
    # pronoun speakers and continuations
    ("Andrii Sybiha arrived in Brussels on Tuesday. “Europe must stay united on sanctions,” he said.",
     "Europe must stay united on sanctions,", "direct", "Andrii Sybiha", "said"),
    ("“We will keep up the pressure,” Ursula von der Leyen said.\n“Sanctions stay until there is a just peace.”",
     "Sanctions stay until there is a just peace.", "direct", "Ursula von der Leyen", None),
    # indirect speech
    ("Peskov said the Kremlin had not yet received the American proposals.",
     "the Kremlin had not yet received the American proposals", "indirect", "Dmitry Peskov", "said"),
    ("Zelensky told reporters that Ukraine would not withdraw its troops from the Donbas.",
     "Ukraine would not withdraw its troops from the Donbas", "indirect", "Volodymyr Zelensky", "told"),
    ("Rubio noted that any agreement would require concessions from both sides.",
     "any agreement would require concessions from both sides", "indirect", "Marco Rubio", "noted"),
    ("Lavrov underscored that Moscow wanted a lasting settlement rather than a pause in the fighting.",
     "Moscow wanted a lasting settlement rather than a pause in the fighting", "indirect", "Sergey Lavrov", "underscored"),
    ("Ukraine will never recognise the occupation of Crimea, Zelensky said on Tuesday.",
     "Ukraine will never recognise the occupation of Crimea", "indirect", "Volodymyr Zelensky", "said"),
    ("Europe must have a seat at the table, said Finnish President Alexander Stubb.",
     "Europe must have a seat at the table", "indirect", "Alexander Stubb", "said"),
    ("Witkoff told Fox News the two leaders had agreed on robust security guarantees.",
     "the two leaders had agreed on robust security guarantees", "indirect", "Steve Witkoff", "told"),
    ("Zelensky thanked Trump for his efforts, saying that Ukraine was ready for a ceasefire.",
     "Ukraine was ready for a ceasefire", "indirect", "Volodymyr Zelensky", "saying"),
    ("Macron welcomed the talks but warned that Russia could not be trusted to keep its word.",
     "Russia could not be trusted to keep its word", "indirect", "Emmanuel Macron", "warned"),
    ("Sybiha pointed out that Russia had rejected every ceasefire proposal since March.",
     "Russia had rejected every ceasefire proposal since March", "indirect", "Andrii Sybiha", "pointed out"),
    ("Merz made it clear that Germany would not send troops without a ceasefire.",
     "Germany would not send troops without a ceasefire", "indirect", "Friedrich Merz", "made it clear"),
    ("Erdoğan expressed confidence that the talks in Istanbul would produce results.",
     "the talks in Istanbul would produce results", "indirect", "Recep Tayyip Erdoğan", "expressed confidence"),
    # source phrases and relays folded to the speaker
    ("According to Zelensky, Russia launched more than 400 drones overnight.",
     "Russia launched more than 400 drones overnight", "indirect", "Volodymyr Zelensky", "According to"),
    ("Russian troops have lost thousands of soldiers near Pokrovsk, according to Andriy Yermak.",
     "Russian troops have lost thousands of soldiers near Pokrovsk", "indirect", "Andriy Yermak", "according to"),
    ("Ushakov said the phone call had lasted more than two hours, TASS reported.",
     "the phone call had lasted more than two hours", "indirect", "Yuri Ushakov", "said"),
    ("TASS cited Lavrov as saying that Moscow saw no reason to change its position.",
     "Moscow saw no reason to change its position", "indirect", "Sergey Lavrov", "cited Lavrov as saying"),
    ("Peskov was quoted as saying that the summit had been postponed.",
     "the summit had been postponed", "indirect", "Dmitry Peskov", "was quoted as saying"),
    ("“We are ready to continue contacts,” Defence Minister Rustem Umerov was quoted as saying.",
     "We are ready to continue contacts,", "direct", "Rustem Umerov", "was quoted as saying"),
    # directives, commissives, accusations and denials
    ("Trump urged Putin to agree to a full ceasefire.",
     "Putin to agree to a full ceasefire", "indirect", "Donald Trump", "urged"),
    ("Kaja Kallas called on Russia to stop its attacks on civilians.",
     "Russia to stop its attacks on civilians", "indirect", "Kaja Kallas", "called on"),
    ("Guterres called for an immediate ceasefire in Gaza and the release of all hostages.",
     "an immediate ceasefire in Gaza and the release of all hostages", "indirect", "António Guterres", "called for"),
    ("Starmer pledged to keep supplying Ukraine with air defence systems.",
     "keep supplying Ukraine with air defence systems", "indirect", "Keir Starmer", "pledged to"),
    ("Trump insisted on a meeting between Putin and Zelensky before the end of August.",
     "a meeting between Putin and Zelensky before the end of August", "indirect", "Donald Trump", "insisted on"),
    ("The Kremlin denied that Russian drones had deliberately entered Polish airspace.",
     "Russian drones had deliberately entered Polish airspace", "indirect", "the Kremlin", "denied"),
    ("Lavrov rejected the European proposal for a peacekeeping force in Ukraine.",
     "the European proposal for a peacekeeping force in Ukraine", "indirect", "Sergey Lavrov", "rejected"),
    ("Zelensky accused Moscow of dragging out the negotiations.",
     "Moscow of dragging out the negotiations", "indirect", "Volodymyr Zelensky", "accused"),
    # quoted words inside paraphrase: mixed and partial
    ("Peskov said the contacts with Washington were “moving in the right direction.”",
     "the contacts with Washington were “moving in the right direction.”", "mixed", "Dmitry Peskov", "said"),
    ("Trump described the Alaska meeting as “extremely productive.”",
     "the Alaska meeting as “extremely productive.”", "partial", "Donald Trump", "described"),
    ("Zelensky said Russia’s “peace plan” was an attempt to buy time.",
     "Russia’s “peace plan” was an attempt to buy time", "partial", "Volodymyr Zelensky", "said"),
    ("After the drone incursion, Rutte warned of a “dangerous escalation”.",
     "dangerous escalation", "partial", "Mark Rutte", "warned of"),
    ("Zelensky called the strike on Kyiv “a deliberate act of terror.”",
     "the strike on Kyiv “a deliberate act of terror.”", "partial", "Volodymyr Zelensky", "called"),
    # other conventions
    ("We are preparing new proposals for the next round - Umerov said.",
     "We are preparing new proposals for the next round", "direct", "Rustem Umerov", "said"),
    ("Zelensky spoke about the talks in his evening address.\nQuote: “We are ready for a meeting of leaders.”",
     "We are ready for a meeting of leaders.", "direct", "Volodymyr Zelensky", "Quote"),
    ("Russian forces struck the Zaporizhzhia region overnight. This was reported by Zelensky.",
     "Russian forces struck the Zaporizhzhia region overnight", "indirect", "Volodymyr Zelensky", "was reported"),
    ("Putin’s statement that Russia had no plans to attack Europe was met with scepticism in Brussels.",
     "Russia had no plans to attack Europe", "indirect", "Vladimir Putin", "statement"),
    ("Russia announced what the Kremlin described as a “gesture of goodwill,” a three-day truce over Victory Day.",
     "gesture of goodwill,", "partial", "the Kremlin", "described"),
    ("Putin called Witkoff “a very good man” after their talks in St Petersburg.",
     "Witkoff “a very good man”", "partial", "Vladimir Putin", "called"),
    ("Rubio said that the United States would not impose a deal and that Ukraine must decide.",
     "the United States would not impose a deal", "indirect", "Marco Rubio", "said"),
    ("Rubio said that the United States would not impose a deal and that Ukraine must decide.",
     "Ukraine must decide", "indirect", "Marco Rubio", "said"),
    ("Lavrov said Moscow would “respond appropriately” to any deployment, calling such plans “unacceptable.”",
     "Moscow would “respond appropriately” to any deployment", "mixed", "Sergey Lavrov", "said"),
    ("Lavrov said Moscow would “respond appropriately” to any deployment, calling such plans “unacceptable.”",
     "such plans “unacceptable.”", "partial", "Sergey Lavrov", "calling"),
    ("The Kremlin said a summit was “premature,” which Trump acknowledged might take weeks to arrange.",
     "might take weeks to arrange", "indirect", "Donald Trump", "acknowledged"),
    ("Russia’s defence ministry said on Sunday its forces had captured Zelenyi Hai, a claim that could not be verified.",
     "its forces had captured Zelenyi Hai", "indirect", "Russian defence ministry", "said"),
    ("“We need peace, not a pause,” said Zelensky, who met Trump in Washington on Monday.",
     "We need peace, not a pause,", "direct", "Volodymyr Zelensky", "said"),
    ("The presidents agreed to keep in contact, according to a statement from the Kremlin.",
     "The presidents agreed to keep in contact", "indirect", "the Kremlin", "according to"),
    ("“The war must end. It will end with a just peace.\n“We count on America’s leadership,” Zelensky wrote on Telegram.",
     "The war must end. It will end with a just peace.", "direct", "Volodymyr Zelensky", None),
    # no source the text names: the speaker stays None
    ("It was reported that the two delegations would meet again in Istanbul.",
     "the two delegations would meet again in Istanbul", "indirect", None, "was reported"),
    ("“The door remains open,” a source familiar with the talks said.",
     "The door remains open,", "direct", None, "said"),
]  # fmt: skip

NONE = [
    "Trump did not say whether he would meet Putin again.",
    "Putin believes that the West wants to weaken Russia.",
    "Rubio discussed the ceasefire proposal with Lavrov by phone.",
    "The foreign ministers agreed to meet again next month.",
    "Witkoff will tell Putin that new sanctions are coming.",
    "Macron declined to comment on the report.",
    "President Bush threatened Russia with new sanctions.",  # whom, not what: no report
    "The so-called “coalition of the willing” met in Paris on Thursday.",
    "Zelensky welcomed the prisoner exchange.",
    "Satellite images indicate that the air base was badly damaged.",
    "Trump has been described as unpredictable.",
    "We call on Russia to end this war.",
    "The leaders discussed the “3-on-3” format proposed by Washington.",
    "If Russia rejects the plan, Washington will impose new sanctions.",
    "“Peace through strength.” That was the slogan printed on the banners outside the venue.",
]


@pytest.fixture(scope="module")
def analyse(pipeline):
    """text -> (article, quotes, actor names by id), for every text the module needs, parsed once."""
    extract = QuoteExtractor()
    texts = list(dict.fromkeys([c[0] for c in CASES] + NONE + list(ODD_MARKS) + list(HEADED)))
    articles = [make_article(t, f"case-{i}", published=PUBLISHED) for i, t in enumerate(texts)]
    results = {}
    for text, (doc, article) in zip(texts, nlp.parse(articles)):
        actors = pipeline.resolve_actors(doc, article)
        results[text] = (article, extract(doc, article, actors.mentions, actors.actors), {a.id: a.name for a in actors.actors})
    return results


def words(article, span):
    return span.text_in(article.text) if span else None


@pytest.mark.parametrize("text, content, kind, speaker, cue", CASES)
def test_quote(analyse, text, content, kind, speaker, cue):
    article, quotes, names = analyse[text]
    found = {words(article, q.content): q for q in quotes}
    assert content in found, f"{content!r} not among {list(found)}"
    quote = found[content]
    assert quote.kind == kind
    assert names.get(quote.speaker) == speaker
    assert words(article, quote.cue) == cue


@pytest.mark.parametrize("text", NONE)
def test_no_quote(analyse, text):
    article, quotes, _ = analyse[text]
    assert [words(article, q.content) for q in quotes] == []


ODD_MARKS = {
    "Zelensky said: “We will not give up our land, whatever Moscow demands.": "We will not give up our land, whatever Moscow demands.",
    "Peskov said the talks had been useful,” the agency reported on Friday.": None,
    'Lavrov said "yes to talks and "no" to any ultimatum from Washington.': None,
    "“We are ready,” Zelensky said. ”": None,
}


@pytest.mark.parametrize("text", ODD_MARKS)
def test_unbalanced_marks_never_crash_and_lower_confidence(analyse, text):
    article, quotes, _ = analyse[text]
    for q in quotes:
        assert 0 <= q.content.start < q.content.end <= len(article.text)
    content = ODD_MARKS[text]
    if content:
        quote = next(q for q in quotes if words(article, q.content) == content)
        assert quote.confidence < 1


HEADED = {
    "Trump Says No Deal Reached\nThe president said talks with Moscow would continue next week.": "talks with Moscow would continue next week",
    "Kremlin Says “Useful and Constructive” Dialogue Will Go On\nThe Kremlin described the talks as useful.": "the talks as useful",
}


@pytest.mark.parametrize("text", HEADED)
def test_headings_are_skipped(analyse, text):
    article, quotes, _ = analyse[text]
    assert article.headings
    assert [words(article, q.content) for q in quotes] == [HEADED[text]]


def test_quotes_are_in_text_order_and_never_overlap(analyse):
    for article, quotes, _ in analyse.values():
        spans = [q.content for q in quotes]
        assert spans == sorted(spans, key=lambda s: s.start)
        assert all(a.end <= b.start for a, b in zip(spans, spans[1:]))


def test_lexicon_loads_once_and_is_checked(tmp_path):
    assert load_cues() is load_cues()
    calls = [c.words for c in load_cues().verbs["call"]]
    assert ("call", "for") in calls and calls[-1] == ("call",)  # phrases are tried before the bare verb
    bad = tmp_path / "cues.yaml"
    bad.write_text("cues:\n  saying: {frames: [shout], words: [say]}\n", encoding="utf-8")
    with pytest.raises(KnowledgeBaseError, match="unknown frame"):
        load_cues(bad)


def test_scoring_pairs_spans_one_to_one():
    gold = [Span(0, 10), Span(20, 30)]
    found = [Span(0, 10), Span(22, 30), Span(40, 50)]
    assert [(i, j) for i, j, _ in pair(gold, found)] == [(0, 0), (1, 1)]
    assert iou(Span(20, 30), Span(22, 30)) == 0.8


def test_seed_article_gives_the_must_quotes(pipeline):
    article = make_article(shared_path("eval", "seed", "article.txt").read_text(encoding="utf-8"), "seed", published=date(2025, 4, 14))
    doc, article = next(nlp.parse([article]))
    actors = pipeline.resolve_actors(doc, article)
    names = {a.id: a.name for a in actors.actors}
    quotes = [(words(article, q.content), q.kind, names.get(q.speaker), words(article, q.cue)) for q in QuoteExtractor()(doc, article, actors.mentions, actors.actors)]
    must = [
        ("going very well", "mixed", "Dmitry Peskov", "said"),
        ("restoring relations, strained over recent years, would be a long process", "indirect", "Dmitry Peskov", "noted"),
        ("Ukraine’s borders before 2014 could be “unrealistic” in peace negotiations", "partial", "Pete Hegseth", "advocated"),
        ("rapid outcomes are not expected due to strained US-Russia relations under President Biden’s leadership", "indirect", "Kremlin officials", "say"),
    ]
    for content, kind, speaker, cue in must:
        assert any(content in c and (k, s, q) == (kind, speaker, cue) for c, k, s, q in quotes), (content, quotes)


def test_speaker_names_match_across_case_and_accents():
    from accord.evaluate.quotes import same_name

    assert same_name("Recep Tayyip Erdoğan", "Recep Tayyip Erdogan")
    assert same_name("the Kremlin", "The Kremlin")
    assert same_name(None, None)
    assert not same_name("Sergey Lavrov", "Sergei Lavrov")


def test_joint_speaker_names_match_in_any_order():
    from accord.evaluate.quotes import same_name

    assert same_name("Ukraine and Russia", "Russia and Ukraine")
    assert same_name("the United States and Russia", "The United States and Russia")
    assert not same_name("Russia and Ukraine", "Russia")

