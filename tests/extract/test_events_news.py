"""Events of local crime, court, labour and business news with the shipped pipeline (its parse
gives the participants of the predicate table's triggers)."""

import pytest

from cronaca.ingest.text import article_from_text
from cronaca.pipeline import Analyzer


@pytest.fixture(scope="module")
def analyzer():
    return Analyzer(model="auto")


CASES = [
    ("MODENA. I carabinieri hanno arrestato un 40enne.", ("COERCE", "arrest", ["carabinieri"], ["40enne"])),
    ("CARPI. Una donna di 50 anni è stata denunciata dalla polizia per furto.",
     ("ACCUSE", None, ["polizia"], ["donna di 50 anni"])),
    # no actor named: the police force the article names
    ("SASSUOLO. Ieri è stato arrestato un uomo. I carabinieri lo hanno portato in caserma.",
     ("COERCE", "arrest", ["carabinieri"], ["uomo"])),
    ("MIRANDOLA. La guardia di finanza ha sequestrato 20 chili di droga a due giovani marocchini.",
     ("COERCE", "seize", ["guardia di finanza"], ["giovani marocchini"])),
    # a court that condemns sentences
    ("VIGNOLA. Il giudice ha condannato l'uomo a due anni di reclusione.", ("SANCTION", "convict", ["giudice"], ["uomo"])),
    ("FORMIGINE. I ladri hanno aggredito un anziano nella sua abitazione.", ("ASSAULT", "beat", ["ladri"], ["anziano"])),
    ("Roma, 3 marzo 2025 – Il Senato ha approvato il disegno di legge sulla sicurezza.", ("AGREE", None, ["senato"], [])),
    ("Roma, 3 marzo 2025 – I sindacati hanno proclamato uno sciopero generale.",
     ("PROTEST", "strike", ["sindacati"], [])),
    ("Roma, 3 marzo 2025 – Il governo ha respinto la richiesta dei sindacati.",
     ("REJECT", None, ["governo"], ["sindacati"])),
    # a refused or requested action is the mode of the refusal or request, no event of its own
    ("New York, 3 marzo 2008 – La Federal Reserve ha rifiutato il salvataggio di Lehman Brothers.",
     ("REJECT", "assist", ["Federal Reserve"], ["Lehman Brothers"])),
    (("New York, 16 settembre 2008 – Il fallimento è arrivato dopo il rifiuto della Federal Reserve a "
     "procedere al salvataggio di Lehman Brothers."), ("REJECT", "assist", ["Federal Reserve"], ["Lehman Brothers"])),
    ("MODENA. Per il 35enne sono scattate le manette.", ("COERCE", "arrest", [], ["35enne"])),
    ("CARPI. Due giovani marocchini sono finiti in manette. Li hanno fermati i carabinieri.",
     ("COERCE", "arrest", ["carabinieri"], ["giovani marocchini"])),
    # a second participle the parse hangs on the first one's agent shares its participants
    (("MODENA. Un 27enne è stato protagonista di un inseguimento finché non è stato bloccato dai carabinieri e "
      "arrestato."), ("COERCE", "arrest", ["carabinieri"], [])),
    # a committal for trial is an accusation (and no postponement)
    ("MODENA. L'avvocato Samorì è stato rinviato a giudizio dinanzi al Tribunale.",
     ("ACCUSE", None, ["tribunale"], ["Samorì"])),
    # a participle set off by commas after a name is said of that name
    ("MODENA. Devis Lucchesi, 20 anni, arrestato sabato a Rolo, è stato condannato ieri.",
     ("COERCE", "arrest", [], ["Devis Lucchesi"])),
    # the subject Italian leaves out: the person the sentence before is about, or named right before
    ("MODENA. Un 40enne marocchino girava in centro con la droga. È stato arrestato dai carabinieri.",
     ("COERCE", "arrest", ["carabinieri"], ["40enne marocchino"])),
    ("MODENA. Mario Rossi è evaso dai domiciliari. Lo hanno catturato i carabinieri ieri.",
     ("COERCE", "arrest", ["carabinieri"], ["Mario Rossi"])),
    ("MODENA. Vincenzo Pagano vive a Modena. Per tale evasione Pagano era stato condannato dal tribunale.",
     ("SANCTION", "convict", ["tribunale"], ["Vincenzo Pagano"])),
]


@pytest.mark.parametrize(("text", "kept", "gone"), [
    ("New York, 3 marzo 2008 – La Federal Reserve ha rifiutato il salvataggio di Lehman Brothers.", "REJECT", "AID"),
    ("SAVIGNANO. Il sindaco Caroli ha invitato i cittadini a denunciare i furti.", "REQUEST", "ACCUSE"),
])
def test_events_news_asked_or_refused_action_is_no_event(analyzer, text, kept, gone):
    analysis = analyzer.analyze(article_from_text(text, doc_id="t", language="it"))
    types = [ev.type for ev in analysis.events]
    assert kept in types
    assert gone not in types


def test_events_news_refused_accusation_still_happened(analyzer):
    text = "Roma, 3 marzo 2025 – Il ministro Salvini ha respinto le accuse del Partito democratico."
    analysis = analyzer.analyze(article_from_text(text, doc_id="t", language="it"))
    assert {"REJECT", "ACCUSE"} <= {ev.type for ev in analysis.events}


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_events_news_types_and_participants(analyzer, text, expected):
    analysis = analyzer.analyze(article_from_text(text, doc_id="t", language="it"))
    names = {e.id: e.name for e in analysis.entities}
    found = [(ev.type, ev.mode, [names[a] for a in ev.actors], [names[r] for r in ev.recipients])
             for ev in analysis.events]
    assert expected in found


def test_events_news_reporting_to_the_police_is_not_their_act(analyzer):
    text = "SAVIGNANO. Il sindaco ha invitato i cittadini a denunciare i furti ai carabinieri."
    analysis = analyzer.analyze(article_from_text(text, doc_id="t", language="it"))
    names = {e.id: e.name for e in analysis.entities}
    assert not [ev for ev in analysis.events if ev.type == "ACCUSE" and "carabinieri" in [names[a] for a in ev.actors]]


@pytest.mark.parametrize(("text", "expected"), [
    # a relative pronoun's antecedent is the subject, even where the parse hangs the clause elsewhere
    ("SAVIGNANO. La notizia è arrivata al sindaco Germano Caroli, che ha invitato a denunciare l'accaduto.",
     ("REQUEST", ["Germano Caroli"])),
    # an international body meeting on its own
    ("Vienna, 1 novembre 2008 – L'OPEC terrà una riunione di emergenza il 18 novembre.", ("CONSULT", ["OPEC"])),
])
def test_events_news_actor_from_the_parse(analyzer, text, expected):
    analysis = analyzer.analyze(article_from_text(text, doc_id="t", language="it"))
    names = {e.id: e.name for e in analysis.entities}
    assert expected in [(ev.type, [names[a] for a in ev.actors]) for ev in analysis.events]


@pytest.mark.parametrize("text", [
    "MODENA. Il titolare ha sporto denuncia ai carabinieri.",
    "MODENA. Il 75enne con la sua denuncia ha permesso di chiudere il caso.",
    "CARPI. La donna ha fatto denuncia in questura.",
])
def test_events_news_citizen_complaint_is_no_charge(analyzer, text):
    analysis = analyzer.analyze(article_from_text(text, doc_id="t", language="it"))
    assert not [ev for ev in analysis.events if ev.type == "ACCUSE" and ev.mode is None]
    assert not [ev for ev in analysis.events if ev.type == "ACCUSE" and ev.mode == "disapprove"]


def test_events_news_politician_who_denounces_still_accuses(analyzer):
    text = "Roma, 3 marzo 2025 – Salvini denuncia un complotto della Commissione europea."
    analysis = analyzer.analyze(article_from_text(text, doc_id="t", language="it"))
    assert [ev.type for ev in analysis.events] == ["ACCUSE"]


def _analysis(analyzer, text):
    return analyzer.analyze(article_from_text(text, doc_id="t", date="2024-03-05"))


def _names(a, ids):
    by_id = {e.id: e.name for e in a.entities}
    return [by_id[i] for i in ids]


def test_events_news_initials_in_apposition_are_the_person_acted_on(analyzer):
    a = _analysis(analyzer, "MODENA. Un bolognese 51enne, P. L. G., è stato denunciato dalla polizia per truffa.")
    persons = [e for e in a.entities if e.type == "PER"]
    assert [p.name for p in persons] == ["P. L. G."]
    assert {m.text for m in persons[0].mentions} == {"P. L. G.", "51enne"}
    (ev,) = [e for e in a.events if e.type == "ACCUSE"]
    assert _names(a, ev.recipients) == ["P. L. G."]


def test_events_news_a_byline_of_initials_is_no_person(analyzer):
    a = _analysis(analyzer, "MODENA. I carabinieri hanno arrestato un 40enne per furto. — F. B.")
    assert not [e for e in a.entities if e.type == "PER"]


def test_events_news_stopping_is_no_arrest(analyzer):
    a = _analysis(analyzer, "CARPI. L'auto non si è fermata all'alt e ha investito una ciclista. "
                  "La polizia locale indaga.")
    assert not [e for e in a.events if e.mode == "arrest"]


def test_events_news_an_acquittal_is_a_conviction_that_did_not_happen(analyzer):
    a = _analysis(analyzer, "MODENA. Il giudice ha assolto l'imprenditore perché il fatto non sussiste.")
    (ev,) = [e for e in a.events if e.type == "SANCTION"]
    assert ev.mode == "convict" and [c.status for c in ev.claims] == ["negated"]


def test_events_news_the_police_unit_and_town_are_in_the_mention(analyzer):
    a = _analysis(analyzer, "SAVIGNANO. I carabinieri della stazione di Savignano hanno arrestato un 38enne albanese.")
    (cops,) = [e for e in a.entities if e.code == "ITACOP"]
    assert [m.text for m in cops.mentions] == ["carabinieri della stazione di Savignano"]
    assert cops.name == "carabinieri"


def test_events_news_a_name_ends_before_where_the_person_is_from(analyzer):
    a = _analysis(analyzer, "MODENA. Gli avvocati, Marcello Fornaciari del Foro di Reggio e Silvia Ciancia di Modena, "
                  "hanno chiesto l'assoluzione.")
    assert {e.name for e in a.entities if e.type == "PER"} == {"Marcello Fornaciari", "Silvia Ciancia"}


def test_events_news_the_same_arrest_told_twice_is_one_event(analyzer):
    a = _analysis(analyzer, "MODENA. I carabinieri hanno arrestato un 40enne in via Emilia. "
                  "Per la convalida dell'arresto il 40enne comparirà oggi davanti al giudice.")
    assert len([e for e in a.events if e.mode == "arrest"]) == 1


def test_events_news_the_gip_is_an_office_not_an_investigation(analyzer):
    a = _analysis(analyzer, "MODENA. Il 40enne è comparso ieri davanti al giudice per le indagini preliminari.")
    assert not [e for e in a.events if e.mode == "investigate"]


@pytest.mark.parametrize(("text", "expected"), [
    # the noun after the verb is its subject: the verb has a clitic object, or takes none
    ("MODENA. Un uomo ha rubato un'auto. Lo hanno arrestato i carabinieri di Modena.",
     ("COERCE", "arrest", ["carabinieri"], "occurred")),
    ("MODENA. Furto in un negozio del centro. Sul fatto indaga la polizia.",
     ("ACCUSE", "investigate", ["polizia"], "ongoing")),
    ("CARPI. Spaccata nella notte. Sull'accaduto indagano ora i carabinieri.",
     ("ACCUSE", "investigate", ["carabinieri"], "ongoing")),
])
def test_events_news_subject_after_the_verb(analyzer, text, expected):
    analysis = analyzer.analyze(article_from_text(text, doc_id="t", language="it"))
    names = {e.id: e.name for e in analysis.entities}
    found = [(ev.type, ev.mode, [names[a] for a in ev.actors], ev.claims[0].status) for ev in analysis.events]
    assert expected in found


@pytest.mark.parametrize("text", [
    "MODENA. La negoziante ha denunciato il fatto in caserma e avvertito i vicini.",
    "CARPI. Il furto è stato denunciato ai carabinieri dal titolare.",
    "SASSUOLO. Un 58enne ha segnalato ai carabinieri il furto della bicicletta.",
    # the crime itself as the object: the police charge people, not thefts
    "MODENA. Ai dipendenti non è rimasto che chiamare la polizia e denunciare il furto.",
    "MODENA. Il titolare del bar Roma ha denunciato l'accaduto.",
])
def test_events_news_a_crime_reported_to_the_police_is_no_charge(analyzer, text):
    analysis = analyzer.analyze(article_from_text(text, doc_id="t", language="it"))
    assert "ACCUSE" not in [ev.type for ev in analysis.events]


def test_events_news_a_charge_by_the_police_stays_one(analyzer):
    text = "MODENA. I carabinieri hanno denunciato il 40enne all'autorità giudiziaria."
    analysis = analyzer.analyze(article_from_text(text, doc_id="t", language="it"))
    assert "ACCUSE" in [ev.type for ev in analysis.events]


def test_events_news_a_plural_verb_with_no_subject_takes_no_singular_person(analyzer):
    text = "MODENA. Un 40enne marocchino girava in centro con la droga. Sono stati arrestati due complici."
    analysis = analyzer.analyze(article_from_text(text, doc_id="t", language="it"))
    names = {e.id: e.name for e in analysis.entities}
    assert all("40enne marocchino" not in [names[r] for r in ev.recipients] for ev in analysis.events)


def test_events_news_a_committal_for_trial_is_occurred_not_postponed(analyzer):
    text = "MODENA. L'avvocato Samorì è stato rinviato a giudizio dinanzi al Tribunale."
    analysis = analyzer.analyze(article_from_text(text, doc_id="t", language="it"))
    assert [c.status for ev in analysis.events if ev.type == "ACCUSE" for c in ev.claims] == ["occurred"]


def test_events_news_an_appeal_to_a_higher_court_is_a_request(analyzer):
    text = "MODENA. Il pm Luca Guerzoni ha presentato ricorso in Cassazione contro la sentenza."
    analysis = analyzer.analyze(article_from_text(text, doc_id="t", language="it"))
    names = {e.id: e.name for e in analysis.entities}
    assert ("REQUEST", ["Luca Guerzoni"]) in [(ev.type, [names[a] for a in ev.actors]) for ev in analysis.events]


@pytest.mark.parametrize("text, recipients", [
    # a court party's request goes to the article's one judge
    (("MODENA. Il giudice Andrea Rat ha deciso ieri. Il suo avvocato, Enrico Della Capanna, aveva chiesto di "
      "patteggiare."), ["Andrea Rat"]),
    ("MODENA. Il giudice Andrea Rat ha deciso ieri. Il pm Maria Rita Pantani aveva chiesto 4 anni.", ["Andrea Rat"]),
    # two judges: no one to send it to; a request by someone outside the trial keeps none
    ("MODENA. Il gip Andrea Rat e il gup Anna Rossi hanno deciso. Il pm Maria Rita Pantani aveva chiesto 4 anni.",
     []),
    ("MODENA. Il giudice Andrea Rat ha deciso ieri. Il sindaco Gian Carlo Muzzarelli ha chiesto aiuto.", []),
    # the title leads every lawyer of the coordination
    (("MODENA. Il giudice Roberto Mazza ha deciso. Gli avvocati difensori, Marcello Fornaciari, e Silvia Ciancia, "
      "hanno chiesto l'assoluzione."), ["Roberto Mazza"]),
])
def test_events_news_a_court_partys_request_goes_to_the_judge(analyzer, text, recipients):
    analysis = analyzer.analyze(article_from_text(text, doc_id="t", language="it"))
    names = {e.id: e.name for e in analysis.entities}
    requests = [ev for ev in analysis.events if ev.type == "REQUEST"]
    assert len(requests) == 1 and [names[r] for r in requests[0].recipients] == recipients


def test_events_news_a_call_to_the_police_asks_for_help(analyzer):
    text = "MODENA. Si è andati avanti per mesi tra ripicche e telefonate a polizia municipale e carabinieri."
    analysis = analyzer.analyze(article_from_text(text, doc_id="t", language="it"))
    assert [(ev.type, ev.mode) for ev in analysis.events] == [("REQUEST", "assist")]


def test_events_news_a_comma_right_after_a_noun_trigger_ends_its_phrase(analyzer):
    text = ("MODENA. Dopo i primi assalti, in sinergia tra loro gli operatori della polizia stradale riuscivano "
            "a individuare la base.")
    analysis = analyzer.analyze(article_from_text(text, doc_id="t", language="it"))
    names = {e.id: e.name for e in analysis.entities}
    assert "polizia stradale" in names.values()
    assert not [ev for ev in analysis.events if "polizia stradale" in [names[r] for r in ev.recipients]]


@pytest.mark.parametrize("text, expected", [
    # house arrest is a restriction; the verb's subject is the one held, the present tells it as going on
    ("MODENA. Due uomini sono stati fermati. Gli uomini ora sono ai domiciliari.",
     [("restrict", [], ["uomini"], "ongoing")]),
    ("MODENA. Devis Lucchesi ha rubato un'auto. L'imputato resta ora agli arresti domiciliari.",
     [("restrict", [], ["Devis Lucchesi"], "ongoing")]),
    ("MODENA. Due uomini sono finiti agli arresti domiciliari.", [("restrict", [], ["uomini"], "occurred")]),
    # the subject left out: the person the text is about, as for a passive
    ("MODENA. Devis Lucchesi ha rubato un'auto. Dovrà stare agli arresti domiciliari.",
     [("restrict", [], ["Devis Lucchesi"], "planned")]),
    # no one held named: no event, and no police force is taken as the one who ordered it
    ("MODENA. I carabinieri sono intervenuti. La donna incinta ai domiciliari, le altre in carcere.", []),
])
def test_events_news_house_arrest_is_a_restriction_of_the_one_held(analyzer, text, expected):
    analysis = analyzer.analyze(article_from_text(text, doc_id="t", language="it"))
    names = {e.id: e.name for e in analysis.entities}
    assert [(ev.mode, [names[a] for a in ev.actors], [names[r] for r in ev.recipients], ev.claims[0].status)
            for ev in analysis.events if ev.mode == "restrict"] == expected


def test_events_news_an_order_to_stay_under_arrest_is_no_state(analyzer):
    text = ("MODENA. Il giudice ha disposto che i tre moldavi finiti in manette restino agli arresti con "
            "obbligo di firma.")
    analysis = analyzer.analyze(article_from_text(text, doc_id="t", language="it"))
    assert [c.status for ev in analysis.events if ev.mode == "restrict" for c in ev.claims] == ["occurred"]


def test_events_news_the_agent_of_a_participle_after_a_noun_trigger_is_its_actor(analyzer):
    # 226 "indagini condotte dai / controlli effettuati dalla ..." in DICE
    for text in ("MODENA. L'indagine condotta dalla Squadra mobile della polizia continua.",
                 "MODENA. Le indagini erano state avviate dagli stessi agenti della polizia dopo un intervento."):
        analysis = analyzer.analyze(article_from_text(text, doc_id="t", language="it"))
        names = {e.id: e.name for e in analysis.entities}
        assert [([names[a] for a in ev.actors], list(ev.recipients)) for ev in analysis.events] == [
            (["polizia"], [])], text


@pytest.mark.parametrize("text, mode, actor", [
    # the judge who orders custody restricts; the police who carry it out arrest
    (("MODENA. Su richiesta della procura, il gip ha emesso un'ordinanza di custodia cautelare in carcere nei "
      "confronti dell'operaio."), "restrict", "giudice"),
    ("MODENA. Gli agenti hanno dato esecuzione a una misura cautelare in carcere nei confronti di un 40enne.",
     "arrest", "polizia"),
])
def test_events_news_custody_is_the_judges_restriction_or_the_polices_arrest(analyzer, text, mode, actor):
    analysis = analyzer.analyze(article_from_text(text, doc_id="t", language="it"))
    names = {e.id: e.name for e in analysis.entities}
    assert [(ev.mode, [names[a] for a in ev.actors]) for ev in analysis.events if ev.type == "COERCE"] == [
        (mode, [actor])]


def test_events_news_a_descriptor_after_a_comma_is_the_same_person_and_the_police_convict_no_one(analyzer):
    text = "MODENA. I carabinieri hanno arrestato a Mirandola un 39enne, residente a Novi, già condannato per furto."
    analysis = analyzer.analyze(article_from_text(text, doc_id="t", language="it"))
    names = {e.id: e.name for e in analysis.entities}
    assert sorted(names.values()) == ["39enne", "carabinieri"]
    convictions = [ev for ev in analysis.events if ev.mode == "convict"]
    assert convictions and all("carabinieri" not in [names[a] for a in ev.actors] for ev in convictions)


def test_events_news_a_seizure_told_by_a_gerund(analyzer):
    # "sequestrando", "sequestrandogli", "sequestrandola": 29 in DICE
    text = "MODENA. Gli agenti lo hanno fermato sequestrandogli non solo la bicicletta bianca, ma anche quella rossa."
    analysis = analyzer.analyze(article_from_text(text, doc_id="t", language="it"))
    assert [(ev.mode, ev.claims[0].status) for ev in analysis.events if ev.mode == "seize"] == [("seize", "occurred")]


def test_events_news_the_agent_after_a_noun_triggers_complement_is_its_actor(analyzer):
    # "con l'accusa di ... dai carabinieri": 130 such noun + "da" + police or court phrases in DICE
    text = "MODENA. Un 30enne è stato fermato con l'accusa di tentato furto e ricettazione dai carabinieri di Maranello."
    analysis = analyzer.analyze(article_from_text(text, doc_id="t", language="it"))
    names = {e.id: e.name for e in analysis.entities}
    charges = [ev for ev in analysis.events if ev.type == "ACCUSE"]
    assert charges and [names[a] for a in charges[0].actors] == ["carabinieri"] and not charges[0].recipients


def test_events_news_the_police_identifying_a_suspect_investigate(analyzer):
    text = "MODENA. La Squadra Mobile della polizia lo ha identificato lavorando sui video delle telecamere."
    analysis = analyzer.analyze(article_from_text(text, doc_id="t", language="it"))
    names = {e.id: e.name for e in analysis.entities}
    assert [(ev.type, ev.mode, [names[a] for a in ev.actors]) for ev in analysis.events] == [
        ("ACCUSE", "investigate", ["polizia"])]


def test_events_news_a_name_before_an_apposition_is_the_passive_subject(analyzer):
    text = ("MODENA. Vincenzo Pagano, 44 anni, ritenuto il reggente del clan operante a Volla (Napoli) e "
            "Casalnuovo di Napoli, è stato catturato dai carabinieri.")
    analysis = analyzer.analyze(article_from_text(text, doc_id="t", language="it"))
    names = {e.id: e.name for e in analysis.entities}
    assert [(ev.mode, [names[a] for a in ev.actors], [names[r] for r in ev.recipients]) for ev in analysis.events] == [
        ("arrest", ["carabinieri"], ["Vincenzo Pagano"])]


@pytest.mark.parametrize("text", [
    "MODENA. Il giudice Roberto Mazza, presidente del collegio, ha accolto la richiesta.",
    "MODENA. Il giudice Roberto Mazza ha respinto la richiesta.",
])
def test_events_news_who_grants_or_refuses_a_request_did_not_make_it(analyzer, text):
    analysis = analyzer.analyze(article_from_text(text, doc_id="t", language="it"))
    names = {e.id: e.name for e in analysis.entities}
    requests = [ev for ev in analysis.events if ev.type == "REQUEST"]
    assert requests and all("Roberto Mazza" not in [names[a] for a in ev.actors] for ev in requests)


def test_events_news_a_participle_after_a_bracketed_aside_is_said_of_the_name_before_it(analyzer):
    text = ("MODENA. La sentenza è stata emessa nei confronti di Mario Rossi (20 anni, incensurato), arrestato sabato "
            "a Rolo dopo il furto.")
    analysis = analyzer.analyze(article_from_text(text, doc_id="t", language="it"))
    names = {e.id: e.name for e in analysis.entities}
    assert [(ev.mode, [names[r] for r in ev.recipients]) for ev in analysis.events if ev.type == "COERCE"] == [
        ("arrest", ["Mario Rossi"])]


def test_events_news_a_kidnapping_is_no_seizure(analyzer):
    # "sequestro di persona": 65 in DICE
    text = "MODENA. I carabinieri hanno arrestato due uomini per il sequestro di persona di un imprenditore."
    analysis = analyzer.analyze(article_from_text(text, doc_id="t", language="it"))
    names = {e.id: e.name for e in analysis.entities}
    assert [(ev.type, ev.mode, [names[r] for r in ev.recipients]) for ev in analysis.events if ev.type != "COERCE"] \
        == [("ASSAULT", "abduct", ["imprenditore"])]
    assert not [ev for ev in analysis.events if ev.mode == "seize"]


def test_events_news_reported_to_the_judiciary_is_a_charge(analyzer):
    text = "MODENA. Il 40enne è stato segnalato all'autorità giudiziaria dai carabinieri."
    analysis = analyzer.analyze(article_from_text(text, doc_id="t", language="it"))
    names = {e.id: e.name for e in analysis.entities}
    assert [(ev.type, [names[a] for a in ev.actors], [names[r] for r in ev.recipients]) for ev in analysis.events] \
        == [("ACCUSE", ["carabinieri"], ["40enne"])]


@pytest.mark.parametrize("text, actors, recipients", [
    # the support verb's "to whom", and one the parse hung on the amount
    ("Il Fondo monetario internazionale ha concesso un prestito di 2 miliardi di dollari all'Islanda.",
     ["International Monetary Fund"], ["Iceland"]),
    # "di X" acts when the noun has a "to whom" of its own; "della" hung on "Federal"
    ("Il prestito della Federal Reserve alla Islanda è di 85 miliardi.", ["Federal Reserve"], ["Iceland"]),
])
def test_events_news_a_loan_goes_to_whom_it_is_given(analyzer, text, actors, recipients):
    analysis = analyzer.analyze(article_from_text(text, doc_id="t", language="it"))
    names = {e.id: e.name for e in analysis.entities}
    aid = [ev for ev in analysis.events if ev.type == "AID"]
    assert [([names[a] for a in ev.actors], [names[r] for r in ev.recipients]) for ev in aid] == [(actors, recipients)]


def test_events_news_the_company_announcing_an_acquisition_is_a_party_to_it(analyzer):
    text = "Bank of America ha annunciato l'acquisizione di Merrill Lynch."
    analysis = analyzer.analyze(article_from_text(text, doc_id="t", language="it"))
    names = {e.id: e.name for e in analysis.entities}
    agree = [ev for ev in analysis.events if ev.type == "AGREE"]
    assert len(agree) == 1 and {names[a] for a in agree[0].actors} == {"Bank of America", "Merrill Lynch"}


def test_events_news_a_charge_of_a_person_stays_one(analyzer):
    text = "MODENA. I carabinieri hanno denunciato il 40enne per furto."
    analysis = analyzer.analyze(article_from_text(text, doc_id="t", language="it"))
    assert [ev.type for ev in analysis.events] == ["ACCUSE"]


def test_events_news_a_sentence_with_no_one_named_is_the_courts(analyzer):
    text = ("REGGIO. Il giudice Andrea Rat ha deciso. Una condanna che ha causato qualche mugugno alla difesa. "
            "I carabinieri erano in aula.")
    analysis = analyzer.analyze(article_from_text(text, doc_id="t", language="it"))
    names = {e.id: e.name for e in analysis.entities}
    assert [(ev.type, ev.mode, [names[a] for a in ev.actors]) for ev in analysis.events] == [
        ("SANCTION", "convict", ["Andrea Rat"])]


def test_events_news_a_plea_bargain_is_the_defendant_and_the_prosecutor_agreeing(analyzer):
    text = "MODENA. Ieri il corriere ha patteggiato col pm Paola Ferretti una pena di tre anni di carcere."
    analysis = analyzer.analyze(article_from_text(text, doc_id="t", language="it"))
    names = {e.id: e.name for e in analysis.entities}
    agree = [ev for ev in analysis.events if ev.type == "AGREE"]
    assert len(agree) == 1 and "Paola Ferretti" in [names[p] for p in (*agree[0].actors, *agree[0].recipients)]
    assert not [ev for ev in analysis.events if "Paola Ferretti" in [names[a] for a in ev.actors]
                and ev.type == "SANCTION"]  # the prosecutor convicts no one
