"""extract_entities on Italian sentences written for these tests (no trained model)."""

from __future__ import annotations

import pytest

from cronaca.extract.entities import extract_entities
from cronaca.extract.places import extract_places


def _by_name(ents):
    return {e.name: e for e in ents}


@pytest.mark.parametrize("text,name,code,mention", [
    ("Ieri il ministro degli Esteri russo Sergej Lavrov ha parlato a lungo.", "Sergey Lavrov", "RUSGOV", "Sergej Lavrov"),
    ("Il capo della diplomazia americana, Marco Rubio, è atteso domani.", "Marco Rubio", "USAGOV", "Marco Rubio"),
    ("La vice portavoce della Casa Bianca, Anna Kelly, ha replicato in serata.", "Anna Kelly", "USAGOV", "Anna Kelly"),
    ("Il presidente Vladimir Putin ha ricevuto gli ambasciatori.", "Vladimir Putin", "RUSGOV", "Vladimir Putin"),
])
def test_entities_role_and_name(parsed, text, name, code, mention):
    ents = _by_name(extract_entities(parsed(text), []))
    assert ents[name].type == "PER"
    assert ents[name].code == code
    assert mention in [m.text for m in ents[name].mentions]
    assert ents[name].roles and ents[name].roles[0].valid is True


def test_entities_surname_joins_full_name(parsed):
    text = ("Il cancelliere Friedrich Merz ha chiamato Parigi. Più tardi Merz ha ribadito la linea. "
            "Secondo Merz la trattativa è aperta.")
    pers = [e for e in extract_entities(parsed(text), []) if e.type == "PER"]
    assert len(pers) == 1
    assert [m.text for m in pers[0].mentions] == ["Friedrich Merz", "Merz", "Merz"]


def test_entities_surname_joins_unknown_person(parsed):
    text = "Il deputato Giacomo Ferraresi ha presentato la mozione. Ferraresi ha poi lasciato l'aula."
    pers = [e for e in extract_entities(parsed(text), []) if e.type == "PER"]
    assert len(pers) == 1 and pers[0].name == "Giacomo Ferraresi" and len(pers[0].mentions) == 2


def test_entities_surname_after_a_title_joins_the_full_name(parsed):
    text = ("Ha deciso il gip, dottor Andrea Scarpa, su richiesta della consulente Matilde Forghieri. "
            "Ora il giudice Scarpa ha ritrasmesso gli atti; la dottoressa Forghieri ha elaborato la perizia.")
    pers = {e.name: [m.text for m in e.mentions] for e in extract_entities(parsed(text), []) if e.type == "PER"}
    assert pers == {"Andrea Scarpa": ["gip", "Andrea Scarpa", "giudice", "Scarpa"],
                    "Matilde Forghieri": ["Matilde Forghieri", "Forghieri"]}


def test_entities_a_surname_two_full_names_share_joins_neither(parsed):
    text = ("Davide Riviera e il figlio Marco Riviera sono stati condannati. "
            "Il giudice ha detto che il signor Riviera non ha colpe.")
    names = [e.name for e in extract_entities(parsed(text), []) if e.type == "PER"]
    assert "Davide Riviera" in names and "Marco Riviera" in names
    assert sum(1 for e in extract_entities(parsed(text), []) if e.name in ("Davide Riviera", "Marco Riviera")
               for m in e.mentions if m.text == "Riviera") == 0


def test_entities_transliterations_unify(parsed):
    text = "Serghei Lavrov è arrivato. Sergey Lavrov ha parlato, e Sergej Lavrov ha lasciato la sala; Lavrov tace."
    pers = [e for e in extract_entities(parsed(text), []) if e.type == "PER"]
    assert len(pers) == 1 and pers[0].name == "Sergey Lavrov" and len(pers[0].mentions) == 4


def test_entities_hyphenated_surnames(parsed):
    text = "Marco Rubio e Sergey Lavrov si sono sentiti. Il dossier Rubio-Lavrov resta aperto."
    ents = _by_name(extract_entities(parsed(text), []))
    assert len(ents["Marco Rubio"].mentions) == 2 and len(ents["Sergey Lavrov"].mentions) == 2


@pytest.mark.parametrize("text,phrase,code", [
    ("Lo riferiscono fonti della Casa Bianca al telefono.", "fonti della Casa Bianca", "USAGOV"),
    ("Secondo fonti diplomatiche la riunione slitta.", "fonti diplomatiche", None),
    ("Lo confermano fonti diplomatiche francesi.", "fonti diplomatiche francesi", "FRAGOV"),
    ("Fonti vicine al Cremlino smentiscono.", "Fonti vicine al Cremlino", "RUSGOV"),
    ("Non si fida la comunità internazionale.", "comunità internazionale", None),
    ("Lo ha detto una fonte del Dipartimento di Stato.", "una fonte del Dipartimento di Stato", "USAGOV"),
])
def test_entities_source_phrases(parsed, text, phrase, code):
    ents = extract_entities(parsed(text), [])
    hit = [e for e in ents if any(m.text == phrase for m in e.mentions)]
    assert len(hit) == 1 and hit[0].type == "ORG" and hit[0].code == code


@pytest.mark.parametrize("text,name,code", [
    ("Il Cremlino ha respinto la proposta.", "Russia", "RUS"),
    ("Mosca e Washington non si parlano da settimane.", "Russia", "RUS"),
    ("Mosca e Washington non si parlano da settimane.", "United States", "USA"),
    ("Kiev chiede nuove armi all'Europa.", "Ukraine", "UKR"),
    ("Israele ed Egitto hanno firmato.", "Egypt", "EGY"),
])
def test_entities_gpe_as_actor(parsed, text, name, code):
    ents = _by_name(extract_entities(parsed(text), []))
    assert ents[name].type == "GPE" and ents[name].code == code


def test_entities_capital_as_venue_is_not_an_actor(parsed):
    ents = extract_entities(parsed("Il vertice si terrà a Budapest la prossima settimana."), [])
    assert not [e for e in ents if e.type == "GPE"]


@pytest.mark.parametrize("text,expected", [
    # a capital the places stage finds after a locative preposition is a venue
    ("Il colloquio tra i due leader, fissato per martedì a Lisbona, è saltato.", []),
    ("La conferenza, prevista per domani a Roma, è stata annullata.", []),
    ("Il vertice di Oslo si è chiuso senza un accordo.", []),
    # a capital kept out of the country table as a meeting venue
    ("I ministri chiedono a Bruxelles più fondi per la difesa.", []),
    # what is sent to a capital makes it a recipient, an actor
    ("Gli Stati Uniti hanno promesso nuovi aiuti a Lisbona.", ["United States", "Portugal"]),
    ("Il Congresso discute le forniture militari a Kiev.", ["Ukraine"]),
    ("Domani a Kiev arriva il premier.", []),
])
def test_entities_capital_acting_with_places(parsed, text, expected):
    pdoc = parsed(text)
    ents = extract_entities(pdoc, extract_places(pdoc))
    assert [e.name for e in ents if e.type == "GPE"] == expected


@pytest.mark.parametrize("text,name", [
    ("Il Consiglio Affari generali dell'Unione europea si riunisce martedì.", "Consiglio Affari generali"),
    ("La Corte costituzionale tedesca ha emesso una sentenza.", "Corte costituzionale tedesca"),
    ("Il Consiglio supremo di difesa si è riunito ieri sera.", "Consiglio supremo di difesa"),
    ("Il testo passa ora alla Commissione Affari sociali della Camera.", "Commissione Affari sociali della Camera"),
    ("Il Comitato Affari esteri ha approvato il rapporto.", "Comitato Affari esteri"),
    # after an elided article or preposition
    ("L'Organizzazione internazionale del lavoro ha diffuso nuovi dati.", "Organizzazione internazionale del lavoro"),
    ("Il parere dell’Istituto superiore di sanità arriverà domani.", "Istituto superiore di sanità"),
])
def test_entities_organisation_name_with_lowercase_words(parsed, text, name):
    ents = _by_name(extract_entities(parsed(text), []))
    assert ents[name].type == "ORG" and [m.text for m in ents[name].mentions] == [name]


@pytest.mark.parametrize("text,name,code", [
    ("Il Consiglio Affari generali dell'Unione europea si riunisce martedì.", "Consiglio Affari generali", "IGOEU"),
    ("La Commissione Affari sociali ha rinviato il voto.", "Commissione Affari sociali", None),
])
def test_entities_body_of_an_institution_shares_its_code(parsed, text, name, code):
    assert _by_name(extract_entities(parsed(text), []))[name].code == code


@pytest.mark.parametrize("text,name,code", [
    ("Il ministro degli Esteri cileno Pablo Roca Ferrer ha chiesto una tregua.", "Pablo Roca Ferrer", "CHLGOV"),
    ("La ministra polacca per lo Sport Agata Wierzbicka si è dimessa.", "Agata Wierzbicka", "POLGOV"),
    ("A Berlino, il portavoce del governo Klaus Obermeier ha taciuto.", "Klaus Obermeier", "DEUGOV"),
    ("Il portavoce del governo Klaus Obermeier ha taciuto.", "Klaus Obermeier", None),
])
def test_entities_unknown_person_code_from_title(parsed, text, name, code):
    ents = _by_name(extract_entities(parsed(text), []))
    assert ents[name].type == "PER" and ents[name].code == code
    assert ents[name].roles[0].valid is None


@pytest.mark.parametrize("text,name,code", [
    ("L'agenzia Tass ha diffuso la notizia.", "TASS", "RUSMED"),
    ("Lo scrive l'agenzia russa Ria Novosti.", "RIA Novosti", "RUSMED"),
    ("Il Quai d’Orsay ha convocato l'ambasciatore.", "Quai d'Orsay", "FRAGOV"),
    ("La Commissione europea valuta nuove misure.", "European Commission", "IGOEU"),
    ("Il governo israeliano ha approvato il piano.", "Israel government", "ISRGOV"),
    ("L'esercito israeliano ha risposto. In serata l'esercito ha sospeso i raid.", "Israel Defense Forces", "ISRMIL"),
])
def test_entities_organisations(parsed, text, name, code):
    ents = _by_name(extract_entities(parsed(text), []))
    assert ents[name].type == "ORG" and ents[name].code == code


def test_entities_bare_noun_joins_collective(parsed):
    text = "L'esercito israeliano ha risposto. In serata l'esercito ha sospeso i raid."
    idf = _by_name(extract_entities(parsed(text), []))["Israel Defense Forces"]
    assert [m.text for m in idf.mentions] == ["esercito israeliano", "esercito"]


def test_entities_ids_unique_and_ordered(parsed):
    ents = extract_entities(parsed("Donald Trump ha chiamato Vladimir Putin. Trump era soddisfatto."), [])
    assert [e.id for e in ents] == [f"e{i}" for i in range(1, len(ents) + 1)]
    assert ents[0].name == "Donald Trump"


def test_entities_no_person_from_place_names(parsed):
    text = "Migliaia di persone sono rientrate a Gaza City e a Khan Younis, mentre il Mar Rosso resta chiuso."
    assert not [e for e in extract_entities(parsed(text), []) if e.type == "PER"]


@pytest.mark.parametrize("text,date,name,mention", [
    # a title alone resolves to the person introduced earlier with the same head title
    ("Il ministro degli Esteri slovacco Pavel Hudec è arrivato. Il ministro ha poi ribadito la linea.",
     "2025-11-09", "Pavel Hudec", "ministro"),
    (("Il ministro degli Esteri russo Sergej Lavrov ha chiamato il segretario di Stato Marco Rubio. "
      "In serata il segretario di Stato ha confermato."), "2025-11-09", "Marco Rubio", "segretario di Stato"),
    # no introduction with a title: the one person the KB gives that role at the article's date
    ("Donald Trump ha telefonato a Vladimir Putin. Poi il presidente americano ha parlato ai giornalisti.",
     "2025-11-09", "Donald Trump", "presidente americano"),
    # an "ex" introduction is not the holder of the title now
    ("Donald Trump è atterrato. L'ex presidente Joe Biden ha taciuto. Il presidente ha poi parlato.",
     "2025-11-09", "Donald Trump", "presidente"),
])
def test_entities_bare_title_joins_person(parsed, text, date, name, mention):
    ents = _by_name(extract_entities(parsed(text, date), []))
    assert mention in [m.text for m in ents[name].mentions]
    assert len([e for e in ents.values() if e.type == "PER"]) == len({e.name for e in ents.values() if e.type == "PER"})


@pytest.mark.parametrize("text", [
    # two people fit: no guess
    "Donald Trump ha telefonato a Vladimir Putin. Il presidente ha poi parlato ai giornalisti.",
    # plural and past titles are not anaphors of one person
    "Marco Rubio e Sergej Lavrov si sono visti. I ministri hanno poi parlato.",
    "Marco Rubio è arrivato. L'ex ministro ha poi parlato.",
    # nobody named earlier: no person is invented
    "Il ministro ha poi parlato ai giornalisti.",
])
def test_entities_bare_title_left_alone(parsed, text):
    ents = extract_entities(parsed(text), [])
    assert not any(m.text in ("presidente", "ministri", "ministro") for e in ents for m in e.mentions)


@pytest.mark.parametrize("text,phrase,name,code", [
    ("Lo ha confidato una fonte del Dipartimento di Stato ai cronisti.", "una fonte del Dipartimento di Stato",
     "United States Department of State", "USAGOV"),
    ("Secondo fonti della Commissione europea il testo è pronto.", "fonti della Commissione europea",
     "European Commission", "IGOEU"),
])
def test_entities_anonymous_source_of_institution_is_the_institution(parsed, text, phrase, name, code):
    ents = _by_name(extract_entities(parsed(text), []))
    assert phrase in [m.text for m in ents[name].mentions] and ents[name].code == code
    assert not [e for e in ents.values() if e.name != name and e.type == "ORG"]


@pytest.mark.parametrize("text,phrase,code", [
    # "close to" is not "of": the circle stays an actor of its own
    ("Fonti vicine al Cremlino smentiscono la notizia.", "Fonti vicine al Cremlino", "RUSGOV"),
    ("Un funzionario russo vicino al dossier non commenta.", None, None),
])
def test_entities_anonymous_source_kept_apart(parsed, text, phrase, code):
    ents = extract_entities(parsed(text), [])
    if phrase is None:
        assert not [e for e in ents if e.type == "PER"]
    else:
        (hit,) = [e for e in ents if any(m.text == phrase for m in e.mentions)]
        assert hit.type == "ORG" and hit.code == code and len(hit.mentions) == 1


@pytest.mark.parametrize("text,name,code", [
    ("Il ministro degli Esteri slovacco Pavel Hudec ha convocato l'ambasciatore.", "Pavel Hudec", "SVKGOV"),
    ("La premier lettone Evika Krasta ha parlato.", "Evika Krasta", "LVAGOV"),
    ("Il portavoce del governo norvegese Lars Bakken ha smentito.", "Lars Bakken", "NORGOV"),
])
def test_entities_code_from_title_and_nationality(parsed, text, name, code):
    ents = _by_name(extract_entities(parsed(text), []))
    assert ents[name].type == "PER" and ents[name].code == code and ents[name].kb_id is None


@pytest.mark.parametrize("text,name,code", [
    ("L'esercito israeliano ha colpito un deposito.", "Israel Defense Forces", "ISRMIL"),
    ("L'esercito ucraino ha respinto l'assalto.", "Ukraine military", "UKRMIL"),
    ("Le forze armate russe avanzano.", "Russia military", "RUSMIL"),
    ("Gli Houthi hanno lanciato un missile.", "Houthis", "YEMREB"),
    ("Hezbollah ha risposto con i razzi.", "Hezbollah", "LBNREB"),
])
def test_entities_military_and_armed_groups(parsed, text, name, code):
    ents = _by_name(extract_entities(parsed(text), []))
    assert ents[name].type == "ORG" and ents[name].code == code


def test_entities_bare_president_is_not_the_premier(parsed):
    text = ("Donald Trump ha chiamato il premier Benjamin Netanyahu. Jared Kushner, genero del presidente, "
            "era presente.")
    ents = _by_name(extract_entities(parsed(text, "2025-10-10"), []))
    assert "presidente" in [m.text for m in ents["Donald Trump"].mentions]
    assert "presidente" not in [m.text for m in ents["Benjamin Netanyahu"].mentions]


def _ner_run(with_ents, text, ents):
    from cronaca.extract.places import extract_places

    pdoc = with_ents(text, ents, "2025-10-21")
    return extract_entities(pdoc, extract_places(pdoc))


@pytest.mark.parametrize("text,ents,name,typ", [
    # people and organisations the rules miss: unknown given names, no title, no head word
    # a given name no list holds: the NER's person, with a person's context (a verb, an age)
    ("Ieri pomeriggio Zebedeo Bellomunno ha incontrato i commercianti.", [("Zebedeo Bellomunno", "PER")],
     "Zebedeo Bellomunno", "PER"),
    ("Erano presenti Ottavio Scarpellini, 54 anni, e altri.", [("Ottavio Scarpellini", "PER")],
     "Ottavio Scarpellini", "PER"),
    ("Lo ha annunciato ieri Legambiente Lombardia.", [("Legambiente Lombardia", "ORG")],
     "Legambiente Lombardia", "ORG"),
    ("Lo ha annunciato l'ANPI in serata.", [("l'ANPI", "ORG")], "ANPI", "ORG"),  # elided article dropped
    # an organisation head followed by lower-case words only
    ("L'Agenzia spaziale europea ha lanciato il satellite.", [("Agenzia spaziale europea", "ORG")],
     "Agenzia spaziale europea", "ORG"),
])
def test_entities_ner_adds_what_rules_miss(parsed, parsed_with_ents, text, ents, name, typ):
    assert name not in _by_name(extract_entities(parsed(text), []))  # the rules alone miss it
    ents_out = _by_name(_ner_run(parsed_with_ents, text, ents))
    assert ents_out[name].type == typ and ents_out[name].kb_id is None


@pytest.mark.parametrize("text,ents,rejected", [
    # a lower-case word inside or at the end; a country name; a toponym as a person
    ("Hanno chiesto agli Stati Uniti di continuare i colloqui.", [("Stati Uniti di continuare", "ORG")],
     "Stati Uniti di continuare"),
    ("La commissione ha deciso ieri.", [("commissione", "ORG")], "commissione"),
    ("Il piano piace all'Europa e poco altro.", [("Europa", "ORG")], "Europa"),
    ("Ne hanno discusso la Turchia e altri.", [("Turchia", "ORG")], "Turchia"),
    ("Ne ha parlato il comune di CARPI ieri.", [("CARPI", "ORG")], "CARPI"),
    ("Migliaia di persone sono tornate a Khan Younis ieri.", [("Khan Younis", "PER")], "Khan Younis"),
    ("Parla l'emiro del Qatar Tamim bin Hamad al Thani.", [("Qatar Tamim bin Hamad al Thani", "ORG")],
     "Qatar Tamim bin Hamad al Thani"),
    # the surnames of two known people, a headline span with its line break
    ("Il dossier Rubio-Lavrov\nMarco Rubio e Sergey Lavrov tacciono.", [("Rubio-Lavrov\n", "ORG")],
     "Rubio-Lavrov"),
    # a headline naming two known people joined by a dash, labelled PER
    ("Vertice Trump-Putin\nDonald Trump vedrà Vladimir Putin.", [("Vertice Trump-Putin", "PER")],
     "Vertice Trump-Putin"),
    # shouting, a single capitalised common word, initials, a surname alone, a comma inside
    ("Testo chiuso. RIPRODUZIONE RISERVATA", [("RIPRODUZIONE RISERVATA", "ORG")], "RIPRODUZIONE RISERVATA"),
    ("Ne ha parlato ieri la Prefettura.", [("Prefettura", "ORG")], "Prefettura"),
    ("Sono stati fermati L. A. e il fratello.", [("L. A.", "PER")], "L. A."),
    ("Ieri ha parlato Bellomunno in aula.", [("Bellomunno", "PER")], "Bellomunno"),
    ("Le corse per Castelfranco, Mirandola sono sospese.", [("Castelfranco, Mirandola", "ORG")],
     "Castelfranco, Mirandola"),
    # an organisation head running into a verb
    ("Ieri il Consiglio ha deciso il rinvio.", [("Consiglio ha deciso", "ORG")], "Consiglio ha deciso"),
])
def test_entities_ner_spans_validated_like_rules(parsed_with_ents, text, ents, rejected):
    names = {e.name.strip() for e in _ner_run(parsed_with_ents, text, ents)}
    assert rejected.strip() not in names


@pytest.mark.parametrize("text,ents,name", [
    # the NER reads a rule organisation name further, by lower-case words
    ("La Commissione parlamentare antimafia ha ascoltato il prefetto.", [("Commissione parlamentare antimafia", "ORG")],
     "Commissione parlamentare antimafia"),
    ("Ha risposto il Consiglio nazionale forense.", [("Consiglio nazionale forense", "ORG")],
     "Consiglio nazionale forense"),
])
def test_entities_ner_lengthens_rule_organisation_name(parsed, parsed_with_ents, text, ents, name):
    assert name not in _by_name(extract_entities(parsed(text), []))  # the rules alone stop short
    out = _by_name(_ner_run(parsed_with_ents, text, ents))
    assert [m.text for m in out[name].mentions] == [name]
    assert not [e for e in out.values() if e.name != name]


@pytest.mark.parametrize("text,ents,name,mention", [
    # a fragment of a KB name: the KB match wins
    ("Lo riferiscono fonti della Casa Bianca.", [("Casa", "ORG")], "White House", "Casa Bianca"),
    # a country the gazetteer knows, labelled ORG: it stays the GPE
    ("La Russia ha respinto la proposta.", [("Russia", "ORG")], "Russia", "Russia"),
    # a rule organisation name is not cut short by a NER fragment of it
    ("La Procura della Repubblica di Ferrara ha aperto un fascicolo.", [("Procura della Repubblica", "ORG")],
     "Procura della Repubblica di Ferrara", "Procura della Repubblica di Ferrara"),
    # a NER span longer than the KB match does not swallow it
    ("Il ministro degli Esteri russo Sergej Lavrov ha parlato.",
     [("Esteri russo Sergej Lavrov", "PER")], "Sergey Lavrov", "Sergej Lavrov"),
])
def test_entities_kb_and_rule_matches_win_over_ner(parsed, parsed_with_ents, text, ents, name, mention):
    out = _ner_run(parsed_with_ents, text, ents)
    by_name = _by_name(out)
    assert mention in [m.text for m in by_name[name].mentions]
    assert sorted(e.name for e in out) == sorted(e.name for e in extract_entities(parsed(text, "2025-10-21"), []))


def test_entities_ner_headline_span_leaves_surnames_to_people(parsed_with_ents):
    text = "Marco Rubio e Sergey Lavrov si sono sentiti.\nIl dossier Rubio-Lavrov\nResta aperto."
    ents = _by_name(_ner_run(parsed_with_ents, text, [("Rubio-Lavrov\n", "ORG")]))
    assert len(ents["Marco Rubio"].mentions) == 2 and len(ents["Sergey Lavrov"].mentions) == 2


@pytest.mark.parametrize(("text", "ents", "name", "typ"), [
    # no given name, no person's context: a programme or a flight the NER took for a person
    ("Il piano Marshall Plus sosterrà le imprese.", [("Marshall Plus", "PER")], "Marshall Plus", None),
    ("Il volo Alitalia Express atterrerà in ritardo.", [("Alitalia Express", "PER")], "Alitalia Express", None),
    # a company name the NER took for a person
    ("Il crollo di Lehman Brothers pesa sui mercati.", [("Lehman Brothers", "PER")], "Lehman Brothers", "ORG"),
])
def test_entities_ner_person_needs_evidence(parsed_with_ents, text, ents, name, typ):
    found = _by_name(_ner_run(parsed_with_ents, text, ents))
    assert (found[name].type if name in found else None) == typ


def test_entities_unnamed_government_is_the_article_country_s(parsed):
    from cronaca.extract.places import extract_places

    pdoc = parsed("Roma – Il governo ha deciso ieri.")
    found = {e.name: e for e in extract_entities(pdoc, extract_places(pdoc))}
    assert found["governo"].code.endswith("GOV") and found["governo"].type == "ORG"


def test_entities_shipped_model_finds_unknown_person():
    from cronaca.extract.places import extract_places
    from cronaca.nlp import SHIPPED_MODEL, build_nlp, parse
    from cronaca.records import Article

    assert (SHIPPED_MODEL / "config.cfg").exists(), f"the shipped pipeline is missing from {SHIPPED_MODEL}"
    nlp = build_nlp("auto")
    for text, name in [
        ("Il sindaco di Bergamo Carlo Verdini ha incontrato i commercianti del centro.", "Carlo Verdini"),
        ("Ieri pomeriggio Tarcisio Bellomunno ha incontrato i commercianti del centro.", "Tarcisio Bellomunno"),
    ]:
        pdoc = parse(nlp, Article(doc_id="m", text=text, content_hash="m", date="2025-11-09", language="it"))
        assert pdoc.has_ner and pdoc.has_parse
        ents = _by_name(extract_entities(pdoc, extract_places(pdoc)))
        assert ents[name].type == "PER"


@pytest.mark.parametrize("text,mention,code", [
    ("Le delegazioni di oltre 190 Paesi hanno sottoscritto la dichiarazione finale.",
     "Le delegazioni di oltre 190 Paesi", None),
    ("Nella notte i rappresentanti dei 27 Stati membri hanno trovato un'intesa sul bilancio.",
     "i rappresentanti dei 27 Stati membri", None),
    ("I ministri delle Finanze del G20 hanno discusso del debito dei Paesi poveri.",
     "I ministri delle Finanze del G20", "IGO"),
    ("I capi di Stato e di governo della Nato si riuniranno in estate.",
     "I capi di Stato e di governo della Nato", "IGONAT"),
    ("Gli ambasciatori dei Paesi membri dell'Onu hanno votato la risoluzione.",
     "Gli ambasciatori dei Paesi membri dell'Onu", "IGOUNO"),
    ("I leader dei Paesi dell'Unione africana hanno chiesto una tregua immediata.",
     "I leader dei Paesi dell'Unione africana", "IGOAFR"),
    # a member noun leading the phrase: a number before it or an organisation after it
    ("Gli Stati membri dell'Unione europea hanno respinto la proposta.",
     "Gli Stati membri dell'Unione europea", "IGOEU"),
    ("I 193 Paesi dell'assemblea hanno adottato il testo.", "I 193 Paesi", None),
    # the member noun with its qualifier: "Paesi arabi" and "Paesi europei" are different groups
    ("I ministri degli Esteri dei Paesi arabi si vedranno al Cairo.", "I ministri degli Esteri dei Paesi arabi", None),
    ("Il premier ha ricevuto gli sherpa dei Paesi in via di sviluppo.", "gli sherpa dei Paesi in via di sviluppo", None),
])
def test_entities_state_group_is_one_collective_actor(parsed, text, mention, code):
    groups = [e for e in extract_entities(parsed(text), []) if e.type == "MISC"]
    assert len(groups) == 1
    assert [m.text for m in groups[0].mentions] == [mention] and groups[0].code == code


@pytest.mark.parametrize("text", [
    "I ministri degli Esteri di Francia e Germania si sono visti a Parigi.",  # named countries
    "I rappresentanti degli Stati Uniti hanno lasciato la sala.",
    "I leader dei due Paesi hanno firmato la dichiarazione.",  # the two countries named before
    "I Paesi più poveri chiedono nuovi fondi.",  # no number, no organisation
    "I due ministri hanno parlato a lungo.",
    "Il ministro ha incontrato i rappresentanti dei sindacati.",
    # the people it stands for follow: they are the actors
    "I ministri degli Esteri del G7, Antonio Tajani e Jean-Noël Barrot, hanno firmato la dichiarazione.",
])
def test_entities_state_group_not_without_states(parsed, text):
    assert not [e for e in extract_entities(parsed(text), []) if e.type == "MISC"]


def test_entities_state_group_mentions_corefer(parsed):
    text = ("I delegati dei 40 Paesi hanno chiesto più tempo. Ieri sera i delegati dei 40 Paesi "
            "hanno lasciato la sala.")
    groups = [e for e in extract_entities(parsed(text), []) if e.type == "MISC"]
    assert len(groups) == 1 and len(groups[0].mentions) == 2


@pytest.mark.parametrize("text,acting", [
    # addressed after a verb of asking or sending, or subject of a speech or decision verb
    ("Il governo polacco ha scritto a Bruxelles per ottenere più fondi.", True),
    ("Varsavia chiede a Bruxelles di rivedere le quote.", True),
    ("Bruxelles ha risposto con una lettera di due pagine.", True),
    ("Bruxelles non ha ancora deciso sulle nuove sanzioni.", True),
    ("Bruxelles, intanto, avverte i governi sui conti pubblici.", True),
    # a venue: a place only
    ("A Bruxelles si è tenuto il vertice dei ministri dell'Agricoltura.", False),
    ("Il vertice di Bruxelles ha approvato il bilancio.", False),
    ("Il premier è arrivato a Bruxelles in mattinata.", False),
    ("Il ministro ha parlato a Bruxelles, al termine della riunione.", False),
    ("Il ministro ha chiesto, a Bruxelles, un cambio di passo.", False),
    ("Bruxelles, 3 aprile 2026 – Il Consiglio si riunisce oggi.", False),
])
def test_entities_venue_capital_stands_for_its_institution(parsed, text, acting):
    pdoc = parsed(text)
    ents = extract_entities(pdoc, extract_places(pdoc))
    hit = [e for e in ents if any(m.text == "Bruxelles" for m in e.mentions)]
    assert [(e.name, e.type, e.code) for e in hit] == ([("European Union", "ORG", "IGOEU")] if acting else [])


def test_entities_venue_capital_joins_institution_entity(parsed):
    text = "L'Unione europea ha varato il piano. Roma chiede a Bruxelles di rinviarlo."
    eu = [e for e in extract_entities(parsed(text), []) if e.name == "European Union"]
    assert len(eu) == 1 and [m.text for m in eu[0].mentions] == ["Unione europea", "Bruxelles"]


@pytest.mark.parametrize("text,mention,code", [
    ("A Mosca, il ministero degli Esteri ha convocato l'ambasciatore.", "ministero degli Esteri", "RUSGOV"),
    ("A Kiev, il Ministero della Difesa ha diffuso un nuovo bilancio.", "Ministero della Difesa", "UKRGOV"),
    ("In Francia, il ministero dell'Interno ha vietato il corteo.", "ministero dell'Interno", "FRAGOV"),
    # a country of its own in the phrase wins over the scene
    ("A Roma, il ministero della Difesa israeliano ha replicato.", "ministero della Difesa israeliano", "ISRGOV"),
    ("A Pechino, il ministero degli Esteri russo ha protestato.", "ministero degli Esteri russo", "RUSGOV"),
    # no scene, or a scene that is no capital: no country
    ("Il ministero degli Esteri ha convocato l'ambasciatore.", "ministero degli Esteri", None),
    ("A Ginevra, il ministero degli Esteri ha diffuso una nota.", "ministero degli Esteri", None),
    ("Mosca tace. Il ministero degli Esteri ha convocato l'ambasciatore.", "ministero degli Esteri", None),
])
def test_entities_ministry_takes_scene_country(parsed, text, mention, code):
    ents = [e for e in extract_entities(parsed(text), []) if any(m.text == mention for m in e.mentions)]
    assert len(ents) == 1 and ents[0].type == "ORG" and ents[0].code == code


@pytest.mark.parametrize("text,etype,actor,recipient", [
    ("I ministri degli Esteri del G7 hanno condannato il lancio del missile.", "ACCUSE",
     "ministri degli Esteri del G7", None),
    ("Il premier ha criticato il piano, chiedendo a Bruxelles di cambiarlo.", "REQUEST", None, "European Union"),
    ("A Mosca, il ministero degli Esteri ha condannato le sanzioni.", "ACCUSE", "ministero degli Esteri", None),
])
def test_entities_new_actors_become_event_participants(parsed, text, etype, actor, recipient):
    from cronaca.extract.events import extract_events

    pdoc = parsed(text)
    places = extract_places(pdoc)
    ents = extract_entities(pdoc, places)
    names = {e.id: e.name for e in ents}
    evs = [ev for ev in extract_events(pdoc, ents, [], places, []) if ev.type == etype]
    assert evs
    if actor:
        assert actor in [names[a] for a in evs[0].actors]
    if recipient:
        assert recipient in [names[r] for r in evs[0].recipients]


def test_entities_double_given_name_spaced_by_tokenisation(parsed):
    names = {e.name for e in extract_entities(parsed("Jean - Claude Trichet ha parlato ieri."), [])}
    assert "Jean - Claude Trichet" in names


@pytest.mark.parametrize("text,ner,name", [
    ("L'economista Masamichi Adachi di JPMorgan ha parlato.", "Masamichi Adachi", "Masamichi Adachi"),
    ("Il furto in casa del parroco, don Graziano, è avvenuto ieri.", "don Graziano", "Graziano"),
    ("Ha parlato il sindaco Muzzarelli in consiglio.", "Muzzarelli", "Muzzarelli"),
    ("La denuncia è scattata per la 54enne M. G. di Carpi.", "M. G.", "M. G."),
    # a descriptor with an age right after the name
    ("Come si ricorderà, Giacomino Mambrini, pensionato di 65 anni, ha sparato.", "Giacomino Mambrini",
     "Giacomino Mambrini"),
    # the speaker after a quote, a speech verb right before the name
    ("«Sono irrispettosi - redarguisce Ivanna Pedrazzi, residente - e fanno ciò che vogliono».",
     "Ivanna Pedrazzi", "Ivanna Pedrazzi"),
])
def test_entities_name_after_a_title_or_an_age_is_a_person(parsed_with_ents, text, ner, name):
    ents = extract_entities(parsed_with_ents(text, [(ner, "PER")]))
    assert [e.name for e in ents if e.type == "PER"] == [name]


@pytest.mark.parametrize("text,ner", [
    ("La polisportiva di via don Pasquino Fiorenzi ha vinto.", "Pasquino Fiorenzi"),
    ("Il sindaco di Modena ha parlato.", "Modena"),
    ("Lo ha votato anche il deputato Italia Viva.", "Italia Viva"),
])
def test_entities_title_evidence_has_limits(parsed_with_ents, text, ner):
    ents = extract_entities(parsed_with_ents(text, [(ner, "PER")]))
    assert [e.name for e in ents if e.type == "PER"] == []


def test_entities_descriptor_before_a_name_is_that_person(parsed_with_ents):
    text = "I carabinieri hanno denunciato il 33enne G. C. per ricettazione."
    ents = extract_entities(parsed_with_ents(text, [("G. C.", "PER")]))
    person = next(e for e in ents if e.type == "PER")
    assert person.name == "G. C."
    assert [m.text for m in person.mentions] == ["33enne", "G. C."]
    assert not any(e.type == "MISC" and e.name == "33enne" for e in ents)


@pytest.mark.parametrize("text,anaphor,antecedent", [
    ("Una guardia giurata di 46 anni è stata denunciata. L'uomo ha rubato 300 pezzi.", "uomo", "guardia giurata di 46 anni"),
    ("I carabinieri hanno arrestato un 29enne. L'uomo si sedeva accanto alle studentesse.", "uomo", "29enne"),
    ("La polizia ha fermato una 21enne. Poco prima era passato un 30enne. La donna non era sola.", "donna", "21enne"),
])
def test_entities_definite_descriptor_refers_back(parsed, text, anaphor, antecedent):
    ents = extract_entities(parsed(text))
    owner = next(e for e in ents if any(m.text == anaphor for m in e.mentions))
    assert owner.name == antecedent


@pytest.mark.parametrize("text,anaphor", [
    ("Ha parlato Francesco Acerbi. La donna che abita al piano terra ha sentito dei rumori.", "donna"),
    ("Una signora ha chiamato la polizia. La giovane donna è stata soccorsa.", "giovane"),
])
def test_entities_descriptor_without_antecedent_stays_its_own(parsed, text, anaphor):
    ents = extract_entities(parsed(text))
    owners = [e.name for e in ents if any(m.text == anaphor for m in e.mentions)]
    assert owners and all(name.startswith(anaphor) for name in owners)


def test_entities_person_of_a_firm_ends_before_it(parsed):
    ents = extract_entities(parsed("Lo ha detto David Buik di BGC Partners ai giornalisti."))
    assert "David Buik" in [e.name for e in ents if e.type == "PER"]


@pytest.mark.parametrize("text,name", [
    ("Il Dow Jones è sceso del 7 per cento.", "Dow Jones Industrial Average"),
    ("Il Nikkei ha perso il 9,62% toccando un minimo ventennale.", "Nikkei 225"),
])
def test_entities_market_index_is_no_person(parsed_with_ents, text, name):
    surface = text.split()[1]
    ents = extract_entities(parsed_with_ents(text, [(surface if surface != "Dow" else "Dow Jones", "PER")]))
    assert [e.type for e in ents if e.name == name] == ["MISC"]
    assert not [e for e in ents if e.type == "PER"]


def test_entities_person_from_a_region_ends_before_it(parsed):
    ents = extract_entities(parsed("Lo ha chiesto il senatore Mark Warner della Virginia ai colleghi."))
    assert "Mark Warner" in [e.name for e in ents if e.type == "PER"]


def test_entities_an_office_title_before_a_name_is_that_persons(parsed):
    text = ("MODENA. Ma né il giudice Roberto Mazza, né il pubblico ministero Luca Guerzoni hanno creduto alla "
            "versione. Il giudice ha poi accolto la richiesta.")
    ents = {e.name: e for e in extract_entities(parsed(text), [])}
    assert ents["Roberto Mazza"].code.endswith("JUD") and ents["Luca Guerzoni"].code.endswith("JUD")
    # one judge named: the judge standing alone later is he
    assert [m.text for m in ents["Roberto Mazza"].mentions] == ["giudice", "Roberto Mazza", "giudice"]
    assert "giudice" not in ents


def test_entities_an_officer_title_with_its_unit_binds_the_name_set_off_by_commas(parsed):
    text = "MODENA. La sentenza del giudice del tribunale di Reggio, Andrea Rat, è arrivata ieri."
    ents = {e.name: e for e in extract_entities(parsed(text), [])}
    assert ents["Andrea Rat"].code.endswith("JUD")
    assert "giudice del tribunale di Reggio" in [m.text for m in ents["Andrea Rat"].mentions]


def test_entities_two_judges_named_leave_the_bare_title_alone(parsed):
    text = ("Il giudice Roberto Mazza e il giudice Anna Rossi hanno firmato. Il giudice ha poi accolto la richiesta.")
    ents = {e.name: e for e in extract_entities(parsed(text), [])}
    assert "giudice" in ents and [m.text for m in ents["giudice"].mentions] == ["giudice"]


def test_entities_a_capitalised_function_word_after_a_name_opens_the_next_sentence(parsed):
    text = "di Alfonso Scibona Oltre sette mesi di indagini per stroncare un traffico di attrezzi."
    names = [e.name for e in extract_entities(parsed(text), []) if e.type == "PER"]
    assert names == ["Alfonso Scibona"]


def test_entities_an_acronym_of_one_organisation_is_that_organisation(parsed_with_ents):
    text = "Le attività di oggi erano legate all'acquisizione dell'American International Group (AIG)."
    pdoc = parsed_with_ents(text, [("American International Group", "ORG"), ("AIG", "ORG")])
    ents = {e.name: [m.text for m in e.mentions] for e in extract_entities(pdoc, []) if e.type == "ORG"}
    assert ents == {"American International Group": ["American International Group", "AIG"]}


def test_entities_a_number_word_ends_a_bylines_name(parsed):
    names = {e.name for e in extract_entities(parsed("di Stefano Totaro Due truffe della stessa coppia di ladri."), [])
             if e.type == "PER"}
    assert names == {"Stefano Totaro"}


def test_entities_a_surname_with_its_particle_joins_the_full_name(parsed):
    text = ("MODENA. Lo ha detto Alessandro De Nicola, della Cgil. «Serve personale» aggiunge De Nicola. "
            "Poi Nicola Rossi ha parlato.")
    ents = {e.name: [m.text for m in e.mentions] for e in extract_entities(parsed(text), []) if e.type == "PER"}
    assert ents == {"Alessandro De Nicola": ["Alessandro De Nicola", "De Nicola"], "Nicola Rossi": ["Nicola Rossi"]}


@pytest.mark.parametrize("text,ner,name", [
    ("La Squadra Mobile della polizia lo ha identificato ieri.", "Squadra Mobile", "polizia"),
    ("L'Arma dei Carabinieri ha chiuso la strada.", "Arma dei Carabinieri", "carabinieri"),
])
def test_entities_an_institution_written_with_capitals_is_that_institution(parsed_with_ents, text, ner, name):
    ents = extract_entities(parsed_with_ents(text, [(ner, "ORG")]))
    assert [(e.name, (e.code or "")[-3:]) for e in ents if e.type == "ORG"] == [(name, "COP")]


@pytest.mark.parametrize("text,name", [
    ("Era oggetto di un ordine emesso dal Tribunale di Modena di quasi otto mesi.", "Tribunale di Modena"),
    ("Lo ha detto la Corte dei Conti di gennaio.", "Corte dei Conti"),
    ("Lo ha chiesto la Procura del Tribunale dei minori di Roma.", "Procura del Tribunale dei minori di Roma"),
])
def test_entities_an_organisation_name_ends_where_the_sentence_goes_on(parsed, text, name):
    assert name in {e.name for e in extract_entities(parsed(text), []) if e.type == "ORG"}


def test_entities_an_organisation_named_again_elsewhere_is_the_same_one(parsed_with_ents):
    text = ("Il piano di salvataggio di AIG pesa sui mercati. Poi l'acquisizione dell'American International Group "
            "(AIG) è stata approvata. L'uscita dalle trattative da parte di Bank of America (BoA) pesa. BoA tace.")
    pdoc = parsed_with_ents(text, [("American International Group", "ORG")])
    orgs = {e.name: [m.text for m in e.mentions] for e in extract_entities(pdoc, []) if e.type == "ORG"}
    assert orgs["American International Group"] == ["AIG", "American International Group", "AIG"]
    assert orgs["Bank of America"] == ["Bank of America", "BoA", "BoA"]


def test_entities_an_arabic_article_inside_a_name_goes_on_the_name_before_it(parsed):
    text = "Per l'omicidio di sua moglie Ghizlan El Hadraoui. Poi El Hadraoui è stata ricordata. Lo ha detto Ben Bernanke."
    names = {e.name for e in extract_entities(parsed(text), []) if e.type == "PER"}
    assert "Ghizlan El Hadraoui" in names and "Ben Bernanke" in names
