"""AI adoption by error class: each test is a short article written for it (invented firms and people)."""
from conftest import build_texts, rows


def _adoptions(text: str, name: str = "a.txt") -> set[tuple[str, str]]:
    dataset = build_texts({name: text}).dataset
    return {(r["org"], r["technology"]) for r in rows(dataset, "ai_adoption")}


def test_the_technology_is_the_noun_phrase_ai_modifies():
    english = """Fenwick Logistics Tests a Route Planner
Fenwick Logistics Ltd is piloting an AI route planning tool for its drivers in three states.
"""
    indonesian = """Radio Swara Pertiwi Pakai Penyiar Baru
Jakarta - Radio Swara Pertiwi menggunakan penyiar AI untuk membacakan berita pagi.
"""
    assert _adoptions(english, "en.txt") == {("Fenwick Logistics Ltd", "AI route planning tool")}
    assert _adoptions(indonesian, "id.txt") == {("Radio Swara Pertiwi", "penyiar AI")}


def test_a_technology_s_own_name_goes_with_it():
    indonesian = """Bank Delima Luncurkan Layanan Baru
Jakarta - PT Bank Delima Nusantara Tbk meluncurkan asisten virtual bernama Sekar untuk menjawab pertanyaan nasabah.
"""
    english = """Orbital Labs Unveils Writing Tool
Orbital Labs Inc launched Quill, an AI writing assistant for small businesses, on Monday.
"""
    assert _adoptions(indonesian, "id.txt") == {("Bank Delima Nusantara Tbk", "asisten virtual Sekar")}
    assert _adoptions(english, "en.txt") == {("Orbital Labs Inc", "Quill (AI writing assistant)")}


def test_a_source_or_a_person_before_the_technology_is_not_its_name():
    text = """Vantora Retail Tambah Agen AI
Jakarta - PT Vantora Retail menambah agen AI di layanan pelanggan tahun ini.
Menurut Hendra Kusuma, agen AI itu menjawab separuh pertanyaan pembeli.
"""
    assert all("Hendra" not in technology for _, technology in _adoptions(text, "id.txt"))


def test_talk_of_what_ai_might_do_is_no_adoption():
    indonesian = """Bank Sentosa Pangkas 200 Karyawan
Jakarta - PT Bank Sentosa Tbk memangkas 200 karyawan di divisi operasional.
Menurut pengamat, chatbot AI bisa menjawab pertanyaan nasabah lebih cepat daripada petugas.
"""
    english = """Harbor Freight Lines Cuts 300 Jobs
Harbor Freight Lines Inc said on Monday it would cut 300 jobs at its Ohio depots.
AI agents could take over many back-office tasks in logistics over the next decade.
"""
    assert _adoptions(indonesian, "id.txt") == set()
    assert _adoptions(english, "en.txt") == set()


def test_a_technology_named_again_is_one_adoption():
    text = """Stasiun Arka TV Hadirkan Presenter Virtual
Jakarta - Arka TV menghadirkan presenter virtual untuk membacakan berita malam.
Arka TV menyebut presenter virtual AI itu dibuat dari wajah dan suara penyiar asli.
"""
    found = _adoptions(text, "id.txt")
    assert len(found) == 1 and next(iter(found))[1] == "presenter virtual"


def test_a_technology_named_again_keeps_the_workers_it_replaced():
    """One adoption per technology, but a later sentence about it that counts the people it replaced keeps that
    figure (with its own sentence as the source), under the same technology: no second row per question."""
    from newskg.rdf.vocab import NKG

    text = """Bank Rantau Pakai Chatbot
Jakarta - PT Bank Rantau Tbk meluncurkan chatbot AI bernama Sekar untuk menjawab pertanyaan nasabah.
Chatbot itu kini menggantikan sekitar 240 petugas pusat panggilan.
"""
    dataset = build_texts({"id.txt": text}).dataset
    assert len({(r["org"], r["technology"]) for r in rows(dataset, "ai_adoption")}) == 1
    assert [int(o) for o in dataset.objects(None, NKG.replacedWorkers)] == [240]


def test_an_organisation_that_replaces_people_with_ai_adopts_it():
    text = """Talvik Telecom Replaces Call Centre
Talvik Telecom Ltd replaced about 400 call-centre workers with AI last year, chief executive Jonas Berg said.
"""
    assert _adoptions(text, "en.txt") == {("Talvik Telecom Ltd", "AI")}


def test_a_nominalised_verb_of_adoption_is_not_part_of_the_technology():
    text = """Logistik Cakra Sortir Paket
Jakarta - PT Logistik Cakra meresmikan gudang baru bersamaan dengan peluncuran robot berbasis AI untuk menyortir paket.
"""
    assert _adoptions(text, "id.txt") == {("Logistik Cakra", "robot berbasis AI")}


def test_an_outlet_reporting_on_ai_adopts_nothing():
    text = """Banks Turn To Chatbots
Reuters reported that many banks in Europe have deployed AI chatbots to cut costs.
Lindqvist Bank chief executive Eva Holm said the bank has no plans to use chatbots.
"""
    assert _adoptions(text, "en.txt") == set()


def test_a_technology_the_reader_has_met_is_not_adopted_again_by_whoever_stands_beside_it():
    indonesian = """Bank Kenari Andalkan Asisten Virtual
Jakarta - PT Bank Kenari Tbk meluncurkan asisten virtual bernama Lintang untuk menjawab pertanyaan nasabah.
Nasabah menghubungi Lintang lewat aplikasi Telegram, dan chatbot itu menjawab tiga perempat percakapan.
"""
    english = """Pelican Pay Brings Back Human Agents
Pelican Pay Ltd is rehiring 80 support agents after its AI chatbot struggled with disputed payments.
Customers of Brightmart Inc said the bot could not explain why refunds were late.
"""
    assert {org for org, _ in _adoptions(indonesian, "id.txt")} == {"Bank Kenari Tbk"}
    assert {org for org, _ in _adoptions(english, "en.txt")} == {"Pelican Pay Ltd"}


def test_indonesian_modifiers_after_the_ai_head_belong_to_the_technology():
    text = """Kurirku Bangun Sistem Baru
Jakarta - Perusahaan logistik PT Kurirku Nusantara menggunakan kamera AI pemindai paket rusak di gudang Cikarang.
"""
    assert _adoptions(text, "id.txt") == {("Kurirku Nusantara", "kamera AI pemindai paket rusak")}


def test_a_name_between_commas_after_the_technology_is_its_own():
    text = """Marlin Bank Retires Its Chatbot
Marlin Bank Plc said on Monday that its AI chatbot, Nessa, would stop answering mortgage questions in May.
"""
    assert _adoptions(text, "en.txt") == {("Marlin Bank Plc", "AI chatbot, Nessa")}


def test_the_company_as_subject_of_the_verb_of_adoption_is_the_company_in_focus():
    text = """Ternwell Airways Plans Crew Rosters
Ternwell Airways Ltd said on Monday it would add 14 aircraft and hire 300 pilots next year.
Crewlytics Pte Ltd, a Singapore vendor, said the company has introduced an AI-based crew rostering tool this year.
"""
    assert {org for org, _ in _adoptions(text, "en.txt")} == {"Ternwell Airways Ltd"}


def test_other_words_for_ai_and_named_assistants_are_technologies():
    indonesian = """Bank Permata Hijau Nilai Kredit
Jakarta - PT Bank Permata Hijau Tbk kini memanfaatkan kecerdasan artifisial untuk menilai kelayakan kredit nasabah.
"""
    english = """Penbrook Council Tries an Assistant
Penbrook City Council has begun trialling Microsoft Copilot for 300 staff in its planning department.
"""
    assert _adoptions(indonesian, "id.txt") == {("Bank Permata Hijau Tbk", "kecerdasan artifisial")}
    assert _adoptions(english, "en.txt") == {("Penbrook City Council", "Copilot")}


def test_a_technology_that_names_the_field_of_a_job_is_no_adoption():
    text = """Jalurcepat Buka 60 Lowongan
Jakarta - Startup logistik Jalurcepat membuka 60 lowongan, termasuk 15 insinyur pembelajaran mesin untuk tim data.
"""
    assert _adoptions(text, "id.txt") == set()


def test_shifting_work_to_ai_adopts_it_and_the_longest_english_noun_phrase_is_the_technology():
    shifted = """Corlin Bank Cuts Contact Centre Jobs
Corlin Bank Plc will cut 500 jobs in its contact centres as it shifts work to artificial intelligence, the lender said.
"""
    longest = """Hartwell Insurance Prices Policies
Hartwell Insurance Group said on Wednesday it had started using an AI underwriting system to price small-business policies.
"""
    assert _adoptions(shifted, "en.txt") == {("Corlin Bank Plc", "artificial intelligence")}
    assert _adoptions(longest, "en.txt") == {("Hartwell Insurance Group", "AI underwriting system")}


def test_the_maker_named_after_the_technology_is_not_its_adopter():
    text = """Dana Kilat Tambah Cabang
Jakarta - PT Dana Kilat Nusantara membuka 12 kantor cabang baru di Jawa Timur tahun ini.
Sejak Maret, sistem AI buatan startup Cendekia Labs menilai setiap calon peminjam dalam lima menit.
"""
    assert _adoptions(text, "id.txt") == {("Dana Kilat Nusantara", "sistem AI")}  # 'Sejak Maret' is no name either


def test_a_place_before_a_verb_of_adoption_is_not_the_technology_s_name():
    text = """Dana Kilat Nilai Peminjam
Jakarta - Dana Kilat, perusahaan pembiayaan asal Surabaya, menggunakan sistem AI untuk menilai calon peminjam.
"""
    assert {technology for _, technology in _adoptions(text, "id.txt")} == {"sistem AI"}


def test_a_specific_technology_keeps_its_maker_and_its_parenthesis_a_bare_ai_does_not():
    text = """Bank Kenari Uji Model Bahasa
Jakarta - PT Bank Kenari Tbk menguji coba model bahasa besar (large language model) untuk membantu petugas call center.
"""
    english = """Ternwell Airways Plans Rosters
Ternwell Airways Ltd has introduced an AI crew rostering system from Norway's Rosterly to plan its cabin crews.
"""
    assert _adoptions(text, "id.txt") == {("Bank Kenari Tbk", "model bahasa besar (large language model)")}
    assert _adoptions(english, "en.txt") == {("Ternwell Airways Ltd", "AI crew rostering system from Norway's Rosterly")}


def test_in_a_quote_the_speaker_s_firm_using_ai_is_an_adoption_an_opinion_is_not():
    text = """Bank Kenari Tambah Layanan Digital
Jakarta - PT Bank Kenari Tbk menambah layanan digital tahun ini.
“Sejak Januari kami menggunakan AI untuk memverifikasi dokumen nasabah baru,” kata Direktur Utama Bank Kenari, Rudi Salim.
"""
    opinion = """Merrow Foods Adds Staff
Merrow Foods Inc will hire 200 drivers, chief executive Dana Ruiz said.
"Companies that use AI for everything forget their customers," she said.
"""
    assert _adoptions(text, "id.txt") == {("Bank Kenari Tbk", "AI")}
    assert _adoptions(opinion, "en.txt") == set()


def test_what_a_company_is_described_as_selling_is_not_an_adoption():
    text = """Oslo startup Fjordline raises $20 million
Fjordline, an Oslo-based startup that builds AI agents for shipping firms, has raised $20 million from Nordhaven Capital.
"""
    assert _adoptions(text, "en.txt") == set()


def test_a_quoted_name_after_a_naming_word_is_the_technology_s():
    text = """Telekom Rajawali Sakti Luncurkan Asisten
Jakarta - PT Telekom Rajawali Sakti meluncurkan asisten virtual bernama "Kirana" untuk melayani pelanggan.
"""
    assert _adoptions(text, "id.txt") == {("Telekom Rajawali Sakti", "asisten virtual Kirana")}


def test_coordinated_technologies_are_each_adopted():
    indonesian = """Bank Kenari Luncurkan Layanan
Jakarta - PT Bank Kenari Tbk meluncurkan chatbot dan avatar AI untuk melayani nasabah.
"""
    english = """Westbury Energy Adds AI
Westbury Energy Plc has deployed AI agents and an AI avatar in its customer call centres.
"""
    assert _adoptions(indonesian, "id.txt") == {("Bank Kenari Tbk", "chatbot"), ("Bank Kenari Tbk", "avatar AI")}
    assert _adoptions(english, "en.txt") == {("Westbury Energy Plc", "AI agents"), ("Westbury Energy Plc", "AI avatar")}


def test_what_a_firm_s_own_system_can_do_is_an_adoption_what_ai_can_do_is_talk():
    own = """Marlin Bank Adds Languages
Marlin Bank Plc said on Monday that its AI chatbot can now answer mortgage questions in six languages.
"""
    talk = """Marlin Bank Cuts Jobs
Marlin Bank Plc said on Monday it would cut 300 jobs. Analysts said AI chatbots can answer most customer questions.
"""
    assert _adoptions(own, "en.txt") == {("Marlin Bank Plc", "AI chatbot")}
    assert _adoptions(talk, "en.txt") == set()


def test_more_compounds_of_ai_name_the_thing_ai_makes_or_runs():
    english = """Harlow Post Publishes Weather Reports
The Harlow Post Ltd now publishes AI-generated weather reports for 40 towns every morning.
"""
    indonesian = """Bank Kenari Pasang Robot
Jakarta - PT Bank Kenari Tbk memasang robot layanan ditenagai AI di 20 kantor cabang.
"""
    assert _adoptions(english, "en.txt") == {("Harlow Post Ltd", "AI-generated weather reports")}
    assert _adoptions(indonesian, "id.txt") == {("Bank Kenari Tbk", "robot layanan ditenagai AI")}


def test_an_assistant_that_is_a_thing_is_software_in_an_article_about_ai():
    relative = """Tolvane Insurance Rehires Claims Staff
Tolvane Insurance Ltd said on Tuesday it would bring back 60 claims handlers after its AI rollout stalled.
Claims handlers now work with a new claims assistant that summarises each file before a call.
"""
    named = """Brackwell Software Trims Testing Team
Brackwell Software Inc cut 80 testing jobs in May as it leaned on AI across its projects.
The firm said its in-house review assistant, Pilot, now checks most new code before release.
"""
    tool = """Ostrander Telecom Shifts Support Work
Ostrander Telecom Ltd has moved routine billing questions to an AI chatbot, executives said.
Human agents also get a live assist tool which flags angry callers mid-call.
"""
    person = """Ostrander Telecom Hires Staff
Ostrander Telecom Ltd has moved routine billing questions to an AI chatbot, executives said.
The chief executive hired an assistant who schedules her meetings.
"""
    assert ("Tolvane Insurance Ltd", "new claims assistant") in _adoptions(relative, "en.txt")
    assert ("Brackwell Software Inc", "in-house review assistant, Pilot") in _adoptions(named, "en.txt")
    assert ("Ostrander Telecom Ltd", "live assist tool") in _adoptions(tool, "en.txt")
    secretary = """Harrowgate Bank Adds AI Chatbot
Harrowgate Bank Plc has deployed an AI chatbot for card disputes, chief executive Dana Whitlock said.
Whitlock's executive assistant, Maria, said the bank would hire 40 new tellers.
"""
    assert _adoptions(person, "en.txt") == {("Ostrander Telecom Ltd", "AI chatbot")}
    assert _adoptions(secretary, "en.txt") == {("Harrowgate Bank Plc", "AI chatbot")}


def test_the_platform_a_technology_runs_on_is_not_its_adopter():
    running = """Dunmore Systems Cuts Support Jobs
Dunmore Systems Ltd will cut 90 support jobs this year.
The chief executive said its AI support agents running on Northwind Cloud Inc servers now close half of all tickets.
"""
    built = """Pellham Freight Adds Agents
Pellham Freight Ltd is cutting 40 dispatch jobs.
He said its AI agents built on Greyfield Labs' models now book loads for 30 carriers.
"""
    hosted = """Carrow Health Adds A Chatbot
Carrow Health Inc will close two call centres, its chief executive said.
Mara Bell said their AI chatbot hosted by Tessellate Inc answers patients in six languages.
"""
    assert {org for org, _ in _adoptions(running, "en.txt")} == {"Dunmore Systems Ltd"}
    assert {org for org, _ in _adoptions(built, "en.txt")} == {"Pellham Freight Ltd"}
    assert {org for org, _ in _adoptions(hosted, "en.txt")} == {"Carrow Health Inc"}


def test_what_staff_are_trained_in_or_hired_for_is_no_adoption():
    trained = """Halden Bank Hires Graduates
Halden Bank Plc will hire 300 graduates this year, who will be trained in AI-assisted auditing.
"""
    analysts = """Corrib Contact Centres Hires
Corrib Contact Centres Ltd is hiring 200 people, among them AI quality analysts and “bot” trainers.
"""
    indonesian = """Bank Lintas Buka Lowongan
Jakarta - PT Bank Lintas Tbk membuka 50 lowongan untuk analis AI dan pelatih chatbot tahun ini.
"""
    assert _adoptions(trained, "en.txt") == set()
    assert _adoptions(analysts, "en.txt") == set()
    assert _adoptions(indonesian, "id.txt") == set()


def test_a_fronted_month_is_not_the_technology_s_name():
    english = """Garrow Utilities Answers Calls With AI
Since March, an AI voice agent has answered every outage call at Garrow Utilities Ltd.
"""
    other = """Hesketh Bank Adds Chat
In October, a virtual assistant began answering card questions for Hesketh Bank Plc customers.
"""
    named = """Lowick Retail Adds Assistant
Sable, an AI shopping assistant, now answers questions for Lowick Retail Ltd shoppers.
"""
    assert all("March" not in tech for _, tech in _adoptions(english, "en.txt"))
    assert all("October" not in tech for _, tech in _adoptions(other, "en.txt"))
    assert any("Sable" in tech for _, tech in _adoptions(named, "en.txt"))


def test_every_tense_of_a_verb_of_adoption_adopts():
    leans = """Ashcombe Dairy Trims Office Jobs
Ashcombe Dairy Ltd cut 60 office jobs as it leans on automation and AI to process orders.
"""
    taps = """Morland Travel Rewrites Its Brochures
Morland Travel Ltd tapped generative AI last spring to write its holiday brochures.
"""
    helped = """Quenby Insurance Speeds Up Claims
Quenby Insurance Plc now settles small claims with the help of AI copilots in its Leeds office.
"""
    assert {org for org, _ in _adoptions(leans, "en.txt")} == {"Ashcombe Dairy Ltd"}
    assert _adoptions(taps, "en.txt") == {("Morland Travel Ltd", "generative AI")}
    assert _adoptions(helped, "en.txt") == {("Quenby Insurance Plc", "AI copilots")}


def test_the_organisation_after_a_verb_of_saying_is_the_adopter_not_the_speaker_s_employer():
    apposition = """Harrowgate Bank Cuts Branch Staff
Harrowgate Bank Plc will cut 300 branch jobs this year.
Lena Fors, an analyst at Brightwell Securities, said Harrowgate Bank has deployed an AI chatbot for card disputes.
"""
    that = """Harrowgate Bank Cuts Branch Staff
Harrowgate Bank Plc will cut 300 branch jobs this year.
Tom Reyes of the Ledger Institute said that Harrowgate Bank uses AI agents to check loan files.
"""
    indonesian = """Bank Harapan Sentosa Pangkas Karyawan
Jakarta - PT Bank Harapan Sentosa Tbk memangkas 300 karyawan cabang tahun ini.
Pengamat dari Lembaga Kajian Perbankan Nusantara, Rudi Hartono, mengatakan bahwa Bank Harapan Sentosa memakai chatbot AI untuk melayani nasabah.
"""
    assert {org for org, _ in _adoptions(apposition, "en.txt")} == {"Harrowgate Bank Plc"}
    assert {org for org, _ in _adoptions(that, "en.txt")} == {"Harrowgate Bank Plc"}
    assert {org for org, _ in _adoptions(indonesian, "id.txt")} == {"Bank Harapan Sentosa Tbk"}
