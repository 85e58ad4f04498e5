<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de">
<context>
    <name>Accessible</name>
    <message>
        <source>hamstring muscle</source>
        <translation>Kniebeugermuskel</translation>
    </message>
    <message>
        <source>muscle</source>
        <translation>Muskel</translation>
    </message>
    <message>
        <source>muscle group</source>
        <translation>Muskelgruppe</translation>
    </message>
    <message>
        <source>bone</source>
        <translation>Knochen</translation>
    </message>
    <message>
        <source>bony landmark</source>
        <translation>Knochenpunkt</translation>
    </message>
    <message>
        <source>nerve</source>
        <translation>Nerv</translation>
    </message>
    <message>
        <source>artery</source>
        <translation>Arterie</translation>
    </message>
    <message>
        <source>vein</source>
        <translation>Vene</translation>
    </message>
    <message>
        <source>tendon</source>
        <translation>Sehne</translation>
    </message>
    <message>
        <source>superficial</source>
        <translation>oberflächlich</translation>
    </message>
    <message>
        <source>deep</source>
        <translation>tief</translation>
    </message>
    <message>
        <source>{name}, {depth} in the {muscle}</source>
        <translation>{name}, {depth}, im Muskel {muscle}</translation>
    </message>
    <message>
        <source>{name}, {depth}</source>
        <translation>{name}, {depth}</translation>
    </message>
    <message>
        <source>refers pain to the {regions}</source>
        <translation>überträgt Schmerz in: {regions}</translation>
    </message>
</context>
<context>
    <name>App</name>
    <message>
        <source>The atlas content could not be loaded.</source>
        <translation>Die Inhalte des Atlas konnten nicht geladen werden.</translation>
    </message>
</context>
<context>
    <name>Describe</name>
    <message>
        <source>Not found</source>
        <translation>Nicht gefunden</translation>
    </message>
    <message>
        <source>Hamstring muscle</source>
        <translation>Muskel der ischiokruralen Gruppe (Kniebeuger)</translation>
    </message>
    <message>
        <source>Muscle group</source>
        <translation>Muskelgruppe</translation>
    </message>
    <message>
        <source>Muscle</source>
        <translation>Muskel</translation>
    </message>
    <message>
        <source>Bone</source>
        <translation>Knochen</translation>
    </message>
    <message>
        <source>Bony landmark</source>
        <translation>Knochenpunkt</translation>
    </message>
    <message>
        <source>Nerve</source>
        <translation>Nerv</translation>
    </message>
    <message>
        <source>Blood vessel</source>
        <translation>Blutgefäß</translation>
    </message>
    <message>
        <source>superficial</source>
        <translation>oberflächlich</translation>
    </message>
    <message>
        <source>deep</source>
        <translation>tief</translation>
    </message>
    <message>
        <source>essential</source>
        <translation>Hauptschmerzzone</translation>
    </message>
    <message>
        <source>spillover</source>
        <translation>Nebenschmerzzone</translation>
    </message>
    <message>
        <source>proprioceptive neuromuscular facilitation: stretching that alternates a short contraction of the muscle with its stretch</source>
        <translation>propriozeptive neuromuskuläre Fazilitation: Dehnung, bei der sich eine kurze Anspannung des Muskels und seine Dehnung abwechseln</translation>
    </message>
    <message>
        <source>State University of New York</source>
        <translation>State University of New York (staatliche Universität des Bundesstaats New York)</translation>
    </message>
    <message>
        <source>Terminologia Anatomica, second edition: the international list of anatomical terms</source>
        <translation>Terminologia Anatomica, zweite Auflage: das internationale Verzeichnis der anatomischen Begriffe</translation>
    </message>
    <message>
        <source>an abbreviation the trigger-point guide uses without explaining it</source>
        <translation>eine Abkürzung, die der Triggerpunkt-Leitfaden ohne Erklärung verwendet</translation>
    </message>
    <message>
        <source>deep-vein thrombosis: a blood clot in a deep vein, usually of the calf or thigh</source>
        <translation>tiefe Venenthrombose: ein Blutgerinnsel in einer tiefen Vene, meist der Wade oder des Oberschenkels</translation>
    </message>
    <message>
        <source>general practitioner: a family doctor</source>
        <translation>Allgemeinmediziner: ein Hausarzt</translation>
    </message>
    <message>
        <source>National Health Service, the United Kingdom&apos;s public health service</source>
        <translation>National Health Service, der staatliche Gesundheitsdienst des Vereinigten Königreichs</translation>
    </message>
    <message>
        <source>continuing professional development: further training for health professionals</source>
        <translation>berufliche Fortbildung: Weiterbildung für Gesundheitsfachleute</translation>
    </message>
    <message>
        <source>New York City</source>
        <translation>New York City</translation>
    </message>
    <message>
        <source>cervical</source>
        <translation>zervikale</translation>
    </message>
    <message>
        <source>thoracic</source>
        <translation>thorakale</translation>
    </message>
    <message>
        <source>lumbar</source>
        <translation>lumbale</translation>
    </message>
    <message>
        <source>sacral</source>
        <translation>sakrale</translation>
    </message>
    <message>
        <source>first</source>
        <translation>erste</translation>
    </message>
    <message>
        <source>second</source>
        <translation>zweite</translation>
    </message>
    <message>
        <source>third</source>
        <translation>dritte</translation>
    </message>
    <message>
        <source>fourth</source>
        <translation>vierte</translation>
    </message>
    <message>
        <source>fifth</source>
        <translation>fünfte</translation>
    </message>
    <message>
        <source>sixth</source>
        <translation>sechste</translation>
    </message>
    <message>
        <source>seventh</source>
        <translation>siebte</translation>
    </message>
    <message>
        <source>eighth</source>
        <translation>achte</translation>
    </message>
    <message>
        <source>ninth</source>
        <translation>neunte</translation>
    </message>
    <message>
        <source>tenth</source>
        <translation>zehnte</translation>
    </message>
    <message>
        <source>eleventh</source>
        <translation>elfte</translation>
    </message>
    <message>
        <source>twelfth</source>
        <translation>zwölfte</translation>
    </message>
    <message>
        <source>the {ordinal} {segment} spinal nerve (root or segment)</source>
        <translation>der {ordinal} {segment} Spinalnerv (Wurzel oder Segment)</translation>
    </message>
    <message>
        <source>in {record}</source>
        <translation>in {record}</translation>
    </message>
    <message>
        <source>{source} said:</source>
        <translation>{source} schrieb:</translation>
    </message>
    <message>
        <source>“{quote}”</source>
        <translation>„{quote}“</translation>
    </message>
    <message>
        <source>Correct:</source>
        <translation>Richtig:</translation>
    </message>
    <message>
        <source>Why:</source>
        <translation>Begründung:</translation>
    </message>
    <message>
        <source>References:</source>
        <translation>Belege:</translation>
    </message>
    <message>
        <source>(unknown source)</source>
        <translation>(unbekannte Quelle)</translation>
    </message>
    <message>
        <source>Sources</source>
        <translation>Quellen</translation>
    </message>
    <message>
        <source>Corrections</source>
        <translation>Korrekturen</translation>
    </message>
    <message>
        <source>Anatomy</source>
        <translation>Anatomie</translation>
    </message>
    <message>
        <source>Trigger points and referred pain</source>
        <translation>Triggerpunkte und übertragener Schmerz</translation>
    </message>
    <message>
        <source>Symptoms and causes</source>
        <translation>Beschwerden und Ursachen</translation>
    </message>
    <message>
        <source>Palpation</source>
        <translation>Palpation</translation>
    </message>
    <message>
        <source>Self-care</source>
        <translation>Selbsthilfe</translation>
    </message>
    <message>
        <source>Training</source>
        <translation>Training</translation>
    </message>
    <message>
        <source>For therapists</source>
        <translation>Für Therapeuten</translation>
    </message>
    <message>
        <source>Sources and corrections</source>
        <translation>Quellen und Korrekturen</translation>
    </message>
    <message>
        <source>Where the pain goes</source>
        <translation>Wohin der Schmerz ausstrahlt</translation>
    </message>
    <message>
        <source>What provokes it</source>
        <translation>Was ihn auslöst</translation>
    </message>
    <message>
        <source>Treat it yourself</source>
        <translation>Selbst behandeln</translation>
    </message>
    <message>
        <source>Contents:</source>
        <translation>Inhalt:</translation>
    </message>
    <message>
        <source>Close this section</source>
        <translation>Diesen Abschnitt schließen</translation>
    </message>
    <message>
        <source>Open this section</source>
        <translation>Diesen Abschnitt öffnen</translation>
    </message>
    <message>
        <source>What activates them</source>
        <translation>Was sie aktiviert</translation>
    </message>
    <message>
        <source>What keeps them going</source>
        <translation>Was sie aufrechterhält</translation>
    </message>
    <message>
        <source>Rotation of the flexed knee</source>
        <translation>Rotation im gebeugten Knie</translation>
    </message>
    <message>
        <source>See also</source>
        <translation>Siehe auch</translation>
    </message>
    <message>
        <source>Self-help</source>
        <translation>Selbsthilfe</translation>
    </message>
    <message>
        <source>What the source said</source>
        <translation>Was die Quelle schrieb</translation>
    </message>
    <message>
        <source>Origin</source>
        <translation>Ursprung</translation>
    </message>
    <message>
        <source>Insertion</source>
        <translation>Ansatz</translation>
    </message>
    <message>
        <source>(sites: {sites})</source>
        <translation>(Stellen: {sites})</translation>
    </message>
    <message>
        <source>Nerve:</source>
        <translation>Nerv:</translation>
    </message>
    <message>
        <source>Division:</source>
        <translation>Anteil:</translation>
    </message>
    <message>
        <source>Roots:</source>
        <translation>Wurzeln:</translation>
    </message>
    <message>
        <source>Tools</source>
        <translation>Hilfsmittel</translation>
    </message>
    <message>
        <source>Steps</source>
        <translation>Schritte</translation>
    </message>
    <message>
        <source>Advice</source>
        <translation>Hinweise</translation>
    </message>
    <message>
        <source>Equipment</source>
        <translation>Ausrüstung</translation>
    </message>
    <message>
        <source>Course of motion</source>
        <translation>Bewegungsablauf</translation>
    </message>
    <message>
        <source>Breathing</source>
        <translation>Atmung</translation>
    </message>
    <message>
        <source>Variations</source>
        <translation>Varianten</translation>
    </message>
    <message>
        <source>Position</source>
        <translation>Lagerung</translation>
    </message>
    <message>
        <source>Hip</source>
        <translation>Hüfte</translation>
    </message>
    <message>
        <source>Knee</source>
        <translation>Knie</translation>
    </message>
    <message>
        <source>pain felt at the {regions}</source>
        <translation>Schmerz spürbar in folgenden Bereichen: {regions}</translation>
    </message>
    <message>
        <source>Latin</source>
        <translation>Lateinisch</translation>
    </message>
    <message>
        <source>Innervation</source>
        <translation>Innervation</translation>
    </message>
    <message>
        <source>Blood supply</source>
        <translation>Blut­versorgung</translation>
    </message>
    <message>
        <source>Actions</source>
        <translation>Funktionen</translation>
    </message>
    <message>
        <source>Trigger points</source>
        <translation>Trigger­punkte</translation>
    </message>
    <message>
        <source>Other actions</source>
        <translation>Weitere Funktionen</translation>
    </message>
    <message>
        <source>Attachments</source>
        <translation>Ursprung und Ansatz</translation>
    </message>
    <message>
        <source>Function</source>
        <translation>Funktion</translation>
    </message>
    <message>
        <source>zones</source>
        <translation>Zonen</translation>
    </message>
    <message>
        <source>Referred pain</source>
        <translation>Übertragener Schmerz</translation>
    </message>
    <message>
        <source>Symptoms</source>
        <translation>Beschwerden</translation>
    </message>
    <message>
        <source>When it may be something else</source>
        <translation>Wenn es etwas anderes sein könnte</translation>
    </message>
    <message>
        <source>Self-massage</source>
        <translation>Selbstmassage</translation>
    </message>
    <message>
        <source>Stretches</source>
        <translation>Dehnungen</translation>
    </message>
    <message>
        <source>Treatment</source>
        <translation>Behandlung</translation>
    </message>
    <message>
        <source>Differential diagnosis</source>
        <translation>Differenzialdiagnose</translation>
    </message>
    <message>
        <source>Connections</source>
        <translation>Verbindungen</translation>
    </message>
    <message>
        <source>See a doctor or physiotherapist before treating yourself if the pain began with an injury or a fall, or comes with numbness, tingling or weakness.</source>
        <translation>Gehen Sie zu einer Ärztin, einem Arzt oder in die Physiotherapie, bevor Sie sich selbst behandeln, wenn der Schmerz mit einer Verletzung oder einem Sturz begann oder mit Taubheit, Kribbeln oder Schwäche einhergeht.</translation>
    </message>
    <message>
        <source>Before you start:</source>
        <translation>Bevor Sie beginnen:</translation>
    </message>
    <message>
        <source>{name} is possible</source>
        <translation>{name} ist möglich</translation>
    </message>
    <message>
        <source>Stop, and do not use this, when:</source>
        <translation>Hören Sie auf und wenden Sie dies nicht an, wenn:</translation>
    </message>
    <message>
        <source>These are not trigger points; stop self-treatment and see to them first:</source>
        <translation>Dies sind keine Triggerpunkte; beenden Sie die Selbstbehandlung und kümmern Sie sich zuerst darum:</translation>
    </message>
    <message>
        <source>Members</source>
        <translation>Zugehörige Muskeln</translation>
    </message>
    <message>
        <source>Nerve roots</source>
        <translation>Nervenwurzeln</translation>
    </message>
    <message>
        <source>Branches</source>
        <translation>Äste</translation>
    </message>
    <message>
        <source>Supplies</source>
        <translation>Versorgt</translation>
    </message>
    <message>
        <source>Attached here</source>
        <translation>Hier setzen an</translation>
    </message>
    <message>
        <source>Origin sites</source>
        <translation>Ursprungsstellen</translation>
    </message>
    <message>
        <source>Insertion sites</source>
        <translation>Ansatzstellen</translation>
    </message>
    <message>
        <source>Relation to the hamstrings</source>
        <translation>Bezug zu den Kniebeugern</translation>
    </message>
    <message>
        <source>Attachment sites</source>
        <translation>Ansatzstellen und Ursprünge</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Anmerkungen</translation>
    </message>
    <message>
        <source>Trigger point</source>
        <translation>Triggerpunkt</translation>
    </message>
    <message>
        <source>Where it lies</source>
        <translation>Wo er liegt</translation>
    </message>
    <message>
        <source>Essential zone</source>
        <translation>Haupt­schmerz­zone</translation>
    </message>
    <message>
        <source>Spillover zone</source>
        <translation>Neben­schmerz­zone</translation>
    </message>
    <message>
        <source>First self-help step</source>
        <translation>Erster Schritt zur Selbsthilfe</translation>
    </message>
    <message>
        <source>Zone</source>
        <translation>Zone</translation>
    </message>
    <message>
        <source>Regions</source>
        <translation>Bereiche</translation>
    </message>
    <message>
        <source>What it feels like</source>
        <translation>Wie er sich anfühlt</translation>
    </message>
    <message>
        <source>Essential zone of referred pain</source>
        <translation>Hauptschmerzzone des übertragenen Schmerzes</translation>
    </message>
    <message>
        <source>Spillover zone of referred pain</source>
        <translation>Nebenschmerzzone des übertragenen Schmerzes</translation>
    </message>
    <message>
        <source>{kind} of referred pain</source>
        <translation>{kind} des übertragenen Schmerzes</translation>
    </message>
    <message>
        <source>Muscles</source>
        <translation>Muskeln</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Beschreibung</translation>
    </message>
    <message>
        <source>For:</source>
        <translation>Für:</translation>
    </message>
    <message>
        <source>Strengthening exercise</source>
        <translation>Kräftigungsübung</translation>
    </message>
    <message>
        <source>{kind} exercise</source>
        <translation>Übung ({kind})</translation>
    </message>
    <message>
        <source>Exercise</source>
        <translation>Übung</translation>
    </message>
    <message>
        <source>Stretch</source>
        <translation>Dehnung</translation>
    </message>
    <message>
        <source>When not to</source>
        <translation>Wann nicht</translation>
    </message>
    <message>
        <source>Professional treatment</source>
        <translation>Behandlung durch Fachleute</translation>
    </message>
    <message>
        <source>Palpation guide</source>
        <translation>Anleitung zur Palpation</translation>
    </message>
    <message>
        <source>Glossary term</source>
        <translation>Fachbegriff</translation>
    </message>
    <message>
        <source>Definition</source>
        <translation>Definition</translation>
    </message>
    <message>
        <source>Related</source>
        <translation>Verwandte Begriffe</translation>
    </message>
    <message>
        <source>Online article</source>
        <translation>Online-Artikel</translation>
    </message>
    <message>
        <source>Reference</source>
        <translation>Literatur</translation>
    </message>
    <message>
        <source>Author</source>
        <translation>Autor</translation>
    </message>
    <message>
        <source>Publisher</source>
        <translation>Verlag</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>Jahr</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Anmerkung</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Angaben</translation>
    </message>
    <message>
        <source>Cited by</source>
        <translation>Zitiert von</translation>
    </message>
    <message>
        <source>Nothing in the atlas goes by the name &lt;b&gt;{name}&lt;/b&gt;.</source>
        <translation>Im Atlas gibt es nichts mit dem Namen &lt;b&gt;{name}&lt;/b&gt;.</translation>
    </message>
    <message>
        <source>The atlas describes no hamstring muscle yet.</source>
        <translation>Der Atlas beschreibt noch keinen Kniebeuger-Muskel.</translation>
    </message>
    <message>
        <source>Click a muscle, bone or nerve on the plate, or an &lt;b&gt;X&lt;/b&gt; (a trigger point), to read about it here. Links in this panel lead to related structures and topics.</source>
        <translation>Klicken Sie auf der Tafel auf einen Muskel, Knochen oder Nerv oder auf ein &lt;b&gt;X&lt;/b&gt; (einen Triggerpunkt), um hier darüber zu lesen. Links in diesem Bereich führen zu verwandten Strukturen und Themen.</translation>
    </message>
    <message>
        <source>Turn on &lt;b&gt;referred pain&lt;/b&gt; to show where the trigger points send their pain.</source>
        <translation>Schalten Sie &lt;b&gt;übertragenen Schmerz&lt;/b&gt; ein, um zu sehen, wohin die Triggerpunkte ihren Schmerz ausstrahlen.</translation>
    </message>
    <message>
        <source>Keyboard: on the plate the &lt;b&gt;arrow keys&lt;/b&gt; move to the nearest structure in that direction (&lt;b&gt;PgDn&lt;/b&gt; / &lt;b&gt;PgUp&lt;/b&gt;: through all of them in turn), &lt;b&gt;Enter&lt;/b&gt; selects, &lt;b&gt;Esc&lt;/b&gt; clears the selection; &lt;b&gt;Tab&lt;/b&gt; goes on to this panel and its links.</source>
        <translation>Tastatur: Auf der Tafel springen die &lt;b&gt;Pfeiltasten&lt;/b&gt; zur nächsten Struktur in dieser Richtung (&lt;b&gt;Bild ab&lt;/b&gt; / &lt;b&gt;Bild auf&lt;/b&gt;: der Reihe nach durch alle), &lt;b&gt;Eingabe&lt;/b&gt; wählt aus, &lt;b&gt;Esc&lt;/b&gt; hebt die Auswahl auf; &lt;b&gt;Tab&lt;/b&gt; wechselt zu diesem Bereich und seinen Links.</translation>
    </message>
    <message>
        <source>Zoom: &lt;b&gt;Ctrl&lt;/b&gt; + mouse wheel or &lt;b&gt;Ctrl +&lt;/b&gt; / &lt;b&gt;Ctrl −&lt;/b&gt;; &lt;b&gt;Ctrl+0&lt;/b&gt; fits the plate to the window.</source>
        <translation>Zoom: &lt;b&gt;Strg&lt;/b&gt; + Mausrad oder &lt;b&gt;Strg +&lt;/b&gt; / &lt;b&gt;Strg −&lt;/b&gt;; &lt;b&gt;Strg+0&lt;/b&gt; passt die Tafel ins Fenster ein.</translation>
    </message>
    <message>
        <source>Welcome to Hamstring Viewer</source>
        <translation>Willkommen bei Hamstring Viewer</translation>
    </message>
    <message>
        <source>An atlas of the back of the thigh: the hamstring muscles, their trigger points and where their pain is felt.</source>
        <translation>Ein Atlas der Oberschenkelrückseite: die Kniebeuger (ischiokrurale Muskulatur), ihre Triggerpunkte und wo ihr Schmerz zu spüren ist.</translation>
    </message>
    <message>
        <source>How to use it</source>
        <translation>So benutzen Sie ihn</translation>
    </message>
    <message>
        <source>The hamstrings</source>
        <translation>Die Kniebeuger</translation>
    </message>
</context>
<context>
    <name>Export</name>
    <message>
        <source>General information for self-care, not a diagnosis. Prepared with Hamstring Viewer; the wording comes from its knowledge base, where the sources are listed.</source>
        <translation>Allgemeine Informationen zur Selbsthilfe, keine Diagnose. Erstellt mit Hamstring Viewer; der Wortlaut stammt aus seiner Wissensbasis, in der die Quellen aufgeführt sind.</translation>
    </message>
    <message>
        <source>Plates adapted from BodyParts3D, © The Database Center for Life Science (DBCLS), licensed under CC BY-SA 2.1 Japan (https://creativecommons.org/licenses/by-sa/2.1/jp/).</source>
        <translation>Tafeln nach BodyParts3D, © The Database Center for Life Science (DBCLS), lizenziert unter CC BY-SA 2.1 Japan (https://creativecommons.org/licenses/by-sa/2.1/jp/).</translation>
    </message>
    <message>
        <source>Print handout</source>
        <translation>Merkblatt drucken</translation>
    </message>
    <message>
        <source>The muscle</source>
        <translation>Der Muskel</translation>
    </message>
    <message>
        <source>This structure</source>
        <translation>Diese Struktur</translation>
    </message>
    <message>
        <source>Trigger point (ringed)</source>
        <translation>Triggerpunkt (eingekreist)</translation>
    </message>
    <message>
        <source>Main pain area</source>
        <translation>Hauptschmerzbereich</translation>
    </message>
    <message>
        <source>Pain can spread here</source>
        <translation>Hierhin kann der Schmerz ausstrahlen</translation>
    </message>
    <message>
        <source>On the picture</source>
        <translation>Auf dem Bild</translation>
    </message>
    <message>
        <source>Before you start, read “{section}” on the next page.</source>
        <translation>Bevor Sie beginnen, lesen Sie „{section}“ auf der nächsten Seite.</translation>
    </message>
    <message>
        <source>Page {number} of {total}</source>
        <translation>Seite {number} von {total}</translation>
    </message>
    <message>
        <source>{title} – your self-care, continued</source>
        <translation>{title} – Ihre Selbsthilfe, Fortsetzung</translation>
    </message>
    <message>
        <source>for {client}</source>
        <translation>für {client}</translation>
    </message>
    <message>
        <source>{title} – client handout</source>
        <translation>{title} – Merkblatt</translation>
    </message>
    <message>
        <source>As shown on screen</source>
        <translation>Wie auf dem Bildschirm</translation>
    </message>
    <message>
        <source>150 dpi, fitted to A4</source>
        <translation>150 dpi, auf A4 eingepasst</translation>
    </message>
    <message>
        <source>300 dpi, fitted to A4 (for print)</source>
        <translation>300 dpi, auf A4 eingepasst (für den Druck)</translation>
    </message>
    <message>
        <source>Hamstring Viewer plate</source>
        <translation>Tafel aus Hamstring Viewer</translation>
    </message>
    <message>
        <source>{view} view of the right thigh, exported from Hamstring Viewer. {credit}</source>
        <translation>Ansicht „{view}“ des rechten Oberschenkels, aus Hamstring Viewer exportiert. {credit}</translation>
    </message>
    <message>
        <source>Drawn by Hamstring Viewer from its figure data (data/figures.toml).</source>
        <translation>Von Hamstring Viewer aus seinen Figurdaten gezeichnet (data/figures.toml).</translation>
    </message>
    <message>
        <source>{title}: start and end positions, drawn by Hamstring Viewer.</source>
        <translation>{title}: Anfangs- und Endstellung, von Hamstring Viewer gezeichnet.</translation>
    </message>
    <message>
        <source>Handout – {title}</source>
        <translation>Merkblatt – {title}</translation>
    </message>
    <message>
        <source>Self-massage</source>
        <translation>Selbstmassage</translation>
    </message>
    <message>
        <source>Stretches</source>
        <translation>Dehnungen</translation>
    </message>
    <message>
        <source>blank: a line to write on</source>
        <translation>leer: eine Linie zum Ausfüllen</translation>
    </message>
    <message>
        <source>d MMMM yyyy</source>
        <translation>d. MMMM yyyy</translation>
    </message>
    <message>
        <source>Client&apos;s &amp;name:</source>
        <translation>&amp;Name des Klienten:</translation>
    </message>
    <message>
        <source>&amp;Date:</source>
        <translation>&amp;Datum:</translation>
    </message>
    <message>
        <source>&amp;Therapist:</source>
        <translation>&amp;Therapeut:</translation>
    </message>
    <message>
        <source>N&amp;ote:</source>
        <translation>N&amp;otiz:</translation>
    </message>
    <message>
        <source>Pre&amp;view…</source>
        <translation>&amp;Vorschau…</translation>
    </message>
    <message>
        <source>The handout fits one A4 page.</source>
        <translation>Das Merkblatt passt auf eine A4-Seite.</translation>
    </message>
    <message>
        <source>The handout takes {count} A4 pages; untick some to shorten it.</source>
        <translation>Das Merkblatt braucht {count} A4-Seiten; entfernen Sie Häkchen, um es zu kürzen.</translation>
    </message>
    <message>
        <source>{title} handout</source>
        <translation>Merkblatt {title}</translation>
    </message>
    <message>
        <source>Handout preview – {title}</source>
        <translation>Merkblatt-Vorschau – {title}</translation>
    </message>
    <message>
        <source>Export &amp;handout as PDF…</source>
        <translation>&amp;Merkblatt als PDF exportieren…</translation>
    </message>
    <message>
        <source>Save a client handout of the selection as a PDF file (A4; two pages when one does not hold the chosen self-care)</source>
        <translation>Ein Merkblatt zur Auswahl als PDF-Datei speichern (A4; zwei Seiten, wenn eine die gewählte Selbsthilfe nicht fasst)</translation>
    </message>
    <message>
        <source>Handout print pre&amp;view…</source>
        <translation>Merkblatt-Druck&amp;vorschau…</translation>
    </message>
    <message>
        <source>Choose what goes on the client handout and see its pages as they will print</source>
        <translation>Wählen, was auf das Merkblatt kommt, und seine Seiten so sehen, wie sie gedruckt werden</translation>
    </message>
    <message>
        <source>&amp;Print handout…</source>
        <translation>Merkblatt &amp;drucken…</translation>
    </message>
    <message>
        <source>Print a client handout of the selection</source>
        <translation>Ein Merkblatt zur Auswahl drucken</translation>
    </message>
    <message>
        <source>Export view as P&amp;NG…</source>
        <translation>Ansicht als &amp;PNG exportieren…</translation>
    </message>
    <message>
        <source>Save the plate as it is shown now as a PNG image (on-screen size, or up to 300 dpi fitted to A4)</source>
        <translation>Die Tafel, wie sie gerade angezeigt wird, als PNG-Bild speichern (Bildschirmgröße oder bis zu 300 dpi auf A4 eingepasst)</translation>
    </message>
    <message>
        <source>Export view as &amp;SVG…</source>
        <translation>Ansicht als &amp;SVG exportieren…</translation>
    </message>
    <message>
        <source>Save the plate as it is shown now as an SVG drawing</source>
        <translation>Die Tafel, wie sie gerade angezeigt wird, als SVG-Zeichnung speichern</translation>
    </message>
    <message>
        <source>Export self-care &amp;figure…</source>
        <translation>&amp;Abbildung zur Selbsthilfe exportieren…</translation>
    </message>
    <message>
        <source>Save the figure of an exercise, stretch or technique as a PNG image or SVG drawing</source>
        <translation>Die Abbildung einer Übung, Dehnung oder Technik als PNG-Bild oder SVG-Zeichnung speichern</translation>
    </message>
    <message>
        <source>Put my &amp;note on handouts</source>
        <translation>Meine &amp;Notiz auf Merkblätter setzen</translation>
    </message>
    <message>
        <source>Print your note on a structure on its client handout</source>
        <translation>Ihre Notiz zu einer Struktur auf deren Merkblatt drucken</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>Could not write {path}: {reason}</source>
        <translation>{path} konnte nicht geschrieben werden: {reason}</translation>
    </message>
    <message>
        <source>Saved {path}</source>
        <translation>{path} gespeichert</translation>
    </message>
    <message>
        <source>Could not write {path}</source>
        <translation>{path} konnte nicht geschrieben werden</translation>
    </message>
    <message>
        <source>Export handout as PDF</source>
        <translation>Merkblatt als PDF exportieren</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF-Dateien (*.pdf)</translation>
    </message>
    <message>
        <source>Could not print the handout</source>
        <translation>Das Merkblatt konnte nicht gedruckt werden</translation>
    </message>
    <message>
        <source>Handout sent to the printer</source>
        <translation>Merkblatt an den Drucker gesendet</translation>
    </message>
    <message>
        <source>Export view as PNG</source>
        <translation>Ansicht als PNG exportieren</translation>
    </message>
    <message>
        <source>PNG images (*.png)</source>
        <translation>PNG-Bilder (*.png)</translation>
    </message>
    <message>
        <source>Export view as SVG</source>
        <translation>Ansicht als SVG exportieren</translation>
    </message>
    <message>
        <source>SVG drawings (*.svg)</source>
        <translation>SVG-Zeichnungen (*.svg)</translation>
    </message>
    <message>
        <source>Export self-care figure</source>
        <translation>Abbildung zur Selbsthilfe exportieren</translation>
    </message>
    <message>
        <source>Export as PNG</source>
        <translation>Als PNG exportieren</translation>
    </message>
    <message>
        <source>Resolution:</source>
        <translation>Auflösung:</translation>
    </message>
    <message>
        <source>Figure of:</source>
        <translation>Abbildung von:</translation>
    </message>
</context>
<context>
    <name>FigureView</name>
    <message>
        <source>Set-up</source>
        <translation>Ausgangsstellung</translation>
    </message>
    <message>
        <source>Lifting (concentric)</source>
        <translation>Anheben (konzentrisch)</translation>
    </message>
    <message>
        <source>Lowering (eccentric)</source>
        <translation>Absenken (exzentrisch)</translation>
    </message>
    <message>
        <source>Holding (isometric)</source>
        <translation>Halten (isometrisch)</translation>
    </message>
    <message>
        <source>Click to move the animation to that moment</source>
        <translation>Klicken Sie, um die Animation an diese Stelle zu setzen</translation>
    </message>
    <message>
        <source>Version of the exercise</source>
        <translation>Variante der Übung</translation>
    </message>
    <message>
        <source>Animated figure</source>
        <translation>Animierte Abbildung</translation>
    </message>
    <message>
        <source>Progress through the steps</source>
        <translation>Fortschritt durch die Schritte</translation>
    </message>
    <message>
        <source>Cue</source>
        <translation>Hinweis</translation>
    </message>
    <message>
        <source>Reduce motion</source>
        <translation>Bewegung reduzieren</translation>
    </message>
    <message>
        <source>Reduce motion: do not play animations by themselves</source>
        <translation>Bewegung reduzieren: Animationen nicht von selbst abspielen</translation>
    </message>
    <message>
        <source>Figures stay still until you press Play</source>
        <translation>Abbildungen bleiben unbewegt, bis Sie auf „Abspielen“ drücken</translation>
    </message>
    <message>
        <source>Version {number}</source>
        <translation>Variante {number}</translation>
    </message>
    <message>
        <source>Action of the muscle</source>
        <translation>Funktion des Muskels</translation>
    </message>
    <message>
        <source>Hide</source>
        <translation>Ausblenden</translation>
    </message>
    <message>
        <source>Show it move</source>
        <translation>Bewegung zeigen</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>Zeigen</translation>
    </message>
    <message>
        <source>Hide the figure</source>
        <translation>Abbildung ausblenden</translation>
    </message>
    <message>
        <source>Show the figure</source>
        <translation>Abbildung zeigen</translation>
    </message>
    <message>
        <source>The working muscle is dark red; it shortens as it pulls.</source>
        <translation>Der arbeitende Muskel ist dunkelrot; er verkürzt sich, während er zieht.</translation>
    </message>
    <message>
        <source>Dark red: the muscles working or treated; light red: the muscles stretched.</source>
        <translation>Dunkelrot: die arbeitenden oder behandelten Muskeln; hellrot: die gedehnten Muskeln.</translation>
    </message>
    <message>
        <source>Light red: the muscles being stretched.</source>
        <translation>Hellrot: die gedehnten Muskeln.</translation>
    </message>
    <message>
        <source>Dark red: the muscles being treated.</source>
        <translation>Dunkelrot: die behandelten Muskeln.</translation>
    </message>
    <message>
        <source>Dark red: the muscles doing the work.</source>
        <translation>Dunkelrot: die arbeitenden Muskeln.</translation>
    </message>
    <message>
        <source>Still: {step}</source>
        <translation>Standbild: {step}</translation>
    </message>
    <message>
        <source>Back to the start</source>
        <translation>Zurück zum Anfang</translation>
    </message>
    <message>
        <source>Step {number} of {count} · {step}</source>
        <translation>Schritt {number} von {count} · {step}</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Funktion</translation>
    </message>
    <message>
        <source>back to the start</source>
        <translation>zurück zum Anfang</translation>
    </message>
    <message>
        <source>starting position</source>
        <translation>Ausgangsstellung</translation>
    </message>
    <message>
        <source>at work</source>
        <translation>in Aktion</translation>
    </message>
    <message>
        <source>hold, {seconds} s left</source>
        <translation>halten, noch {seconds} s</translation>
    </message>
    <message>
        <source>The muscle</source>
        <translation>Der Muskel</translation>
    </message>
    <message>
        <source>{muscle} (dark red) shortens by about {percent} % as it pulls.</source>
        <translation>{muscle} (dunkelrot) verkürzt sich beim Ziehen um etwa {percent} %.</translation>
    </message>
    <message>
        <source>{muscle} (dark red) hardly changes length: it steadies the joint.</source>
        <translation>{muscle} (dunkelrot) ändert seine Länge kaum: er stabilisiert das Gelenk.</translation>
    </message>
    <message>
        <source>{muscle} (dark red) at rest length, about to contract.</source>
        <translation>{muscle} (dunkelrot) in Ruhelänge, kurz vor der Kontraktion.</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>Pause</translation>
    </message>
    <message>
        <source>Pause the animation</source>
        <translation>Animation anhalten</translation>
    </message>
    <message>
        <source>Play</source>
        <translation>Abspielen</translation>
    </message>
    <message>
        <source>Play the animation</source>
        <translation>Animation abspielen</translation>
    </message>
</context>
<context>
    <name>Handout</name>
    <message>
        <source>Where to find it</source>
        <translation>Wo er liegt</translation>
    </message>
    <message>
        <source>Where it hurts</source>
        <translation>Wo es wehtut</translation>
    </message>
    <message>
        <source>What brings it on</source>
        <translation>Was ihn auslöst</translation>
    </message>
    <message>
        <source>Worth knowing</source>
        <translation>Gut zu wissen</translation>
    </message>
    <message>
        <source>How to self-massage</source>
        <translation>So massieren Sie sich selbst</translation>
    </message>
    <message>
        <source>How to stretch</source>
        <translation>So dehnen Sie</translation>
    </message>
    <message>
        <source>When to stop and see a professional</source>
        <translation>Wann Sie aufhören und Fachleute aufsuchen sollten</translation>
    </message>
    <message>
        <source>From your therapist</source>
        <translation>Von Ihrem Therapeuten</translation>
    </message>
    <message>
        <source>Client</source>
        <translation>Klient</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Datum</translation>
    </message>
    <message>
        <source>Therapist</source>
        <translation>Therapeut</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Notiz</translation>
    </message>
    <message>
        <source>seen from behind</source>
        <translation>von hinten gesehen</translation>
    </message>
    <message>
        <source>seen from the front</source>
        <translation>von vorn gesehen</translation>
    </message>
    <message>
        <source>seen from the inner side</source>
        <translation>von innen gesehen</translation>
    </message>
    <message>
        <source>seen from the outer side</source>
        <translation>von außen gesehen</translation>
    </message>
    <message>
        <source>cut across</source>
        <translation>im Querschnitt</translation>
    </message>
    <message>
        <source>deep layer</source>
        <translation>tiefe Schicht</translation>
    </message>
    <message>
        <source>superficial layer</source>
        <translation>oberflächliche Schicht</translation>
    </message>
    <message>
        <source>{name} view</source>
        <translation>Ansicht „{name}“</translation>
    </message>
    <message>
        <source>{view}, seen from below</source>
        <translation>{view}, von unten gesehen</translation>
    </message>
    <message>
        <source>{layer} layer</source>
        <translation>Schicht „{layer}“</translation>
    </message>
    <message>
        <source>{direction} ({layer})</source>
        <translation>{direction} ({layer})</translation>
    </message>
    <message>
        <source>Right leg, {direction}</source>
        <translation>Rechtes Bein, {direction}</translation>
    </message>
    <message>
        <source>Left leg, {direction}</source>
        <translation>Linkes Bein, {direction}</translation>
    </message>
    <message>
        <source>{side} leg, {direction}</source>
        <translation>Bein ({side}), {direction}</translation>
    </message>
    <message>
        <source>Superficial trigger point</source>
        <translation>Oberflächlicher Triggerpunkt</translation>
    </message>
    <message>
        <source>Deep trigger point</source>
        <translation>Tiefer Triggerpunkt</translation>
    </message>
    <message>
        <source>{depth} trigger point</source>
        <translation>Triggerpunkt ({depth})</translation>
    </message>
    <message>
        <source>Trigger point</source>
        <translation>Triggerpunkt</translation>
    </message>
    <message>
        <source>{kind} of the {muscle}</source>
        <translation>{kind} – {muscle}</translation>
    </message>
    <message>
        <source>Take care:</source>
        <translation>Achten Sie darauf:</translation>
    </message>
    <message>
        <source>Main area (solid colour on the picture)</source>
        <translation>Hauptbereich (auf dem Bild flächig gefärbt)</translation>
    </message>
    <message>
        <source>It can spread to (dotted on the picture)</source>
        <translation>Kann ausstrahlen in (auf dem Bild gepunktet)</translation>
    </message>
    <message>
        <source>{whose}, main area (solid colour on the picture)</source>
        <translation>{whose}, Hauptbereich (auf dem Bild flächig gefärbt)</translation>
    </message>
    <message>
        <source>{whose}, it can spread to (dotted on the picture)</source>
        <translation>{whose}, kann ausstrahlen in (auf dem Bild gepunktet)</translation>
    </message>
    <message>
        <source>Also</source>
        <translation>Außerdem</translation>
    </message>
    <message>
        <source>{whose}, also</source>
        <translation>{whose}, außerdem</translation>
    </message>
    <message>
        <source>{section} (continued)</source>
        <translation>{section} (Fortsetzung)</translation>
    </message>
</context>
<context>
    <name>NotesDock</name>
    <message>
        <source>Notes and bookmarks</source>
        <translation>Notizen und Lesezeichen</translation>
    </message>
    <message>
        <source>Nothing yet: press Ctrl+D to bookmark what you are reading, or write a note.</source>
        <translation>Noch nichts: Drücken Sie Strg+D, um ein Lesezeichen auf das Gelesene zu setzen, oder schreiben Sie eine Notiz.</translation>
    </message>
    <message>
        <source>Select something on the plate (or a page in the panel) to write a note about it.</source>
        <translation>Wählen Sie etwas auf der Tafel (oder eine Seite in der Seitenleiste) aus, um eine Notiz dazu zu schreiben.</translation>
    </message>
    <message>
        <source>Jan</source>
        <translation>Jan.</translation>
    </message>
    <message>
        <source>Feb</source>
        <translation>Feb.</translation>
    </message>
    <message>
        <source>Mar</source>
        <translation>März</translation>
    </message>
    <message>
        <source>Apr</source>
        <translation>Apr.</translation>
    </message>
    <message>
        <source>May</source>
        <translation>Mai</translation>
    </message>
    <message>
        <source>Jun</source>
        <translation>Juni</translation>
    </message>
    <message>
        <source>Jul</source>
        <translation>Juli</translation>
    </message>
    <message>
        <source>Aug</source>
        <translation>Aug.</translation>
    </message>
    <message>
        <source>Sep</source>
        <translation>Sept.</translation>
    </message>
    <message>
        <source>Oct</source>
        <translation>Okt.</translation>
    </message>
    <message>
        <source>Nov</source>
        <translation>Nov.</translation>
    </message>
    <message>
        <source>Dec</source>
        <translation>Dez.</translation>
    </message>
    <message>
        <source>Notes from Hamstring Viewer</source>
        <translation>Notizen aus Hamstring Viewer</translation>
    </message>
    <message>
        <source>Last changed {when}</source>
        <translation>Zuletzt geändert am {when}</translation>
    </message>
    <message>
        <source>No notes yet.</source>
        <translation>Noch keine Notizen.</translation>
    </message>
    <message>
        <source>Notes on</source>
        <translation>Notizen zu</translation>
    </message>
    <message>
        <source>Book&amp;mark</source>
        <translation>&amp;Lesezeichen</translation>
    </message>
    <message>
        <source>Bookmark the selection (Ctrl+D)</source>
        <translation>Lesezeichen auf die Auswahl setzen (Strg+D)</translation>
    </message>
    <message>
        <source>Bookmark the selection</source>
        <translation>Lesezeichen auf die Auswahl setzen</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Notiz</translation>
    </message>
    <message>
        <source>Problems with your notes and bookmarks</source>
        <translation>Probleme mit Ihren Notizen und Lesezeichen</translation>
    </message>
    <message>
        <source>Bookmarks and notes</source>
        <translation>Lesezeichen und Notizen</translation>
    </message>
    <message>
        <source>Bookmarked and noted pages</source>
        <translation>Seiten mit Lesezeichen oder Notizen</translation>
    </message>
    <message>
        <source>&amp;Notes and bookmarks</source>
        <translation>&amp;Notizen und Lesezeichen</translation>
    </message>
    <message>
        <source>Export &amp;notes…</source>
        <translation>&amp;Notizen exportieren…</translation>
    </message>
    <message>
        <source>Save all your notes as a text file</source>
        <translation>Alle Ihre Notizen als Textdatei speichern</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notizen</translation>
    </message>
    <message>
        <source>Notes on &lt;b&gt;{name}&lt;/b&gt;</source>
        <translation>Notizen zu &lt;b&gt;{name}&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Write what you want to remember about {name}…</source>
        <translation>Schreiben Sie auf, was Sie sich zu {name} merken möchten…</translation>
    </message>
    <message>
        <source>Bookmarked</source>
        <translation>Mit Lesezeichen</translation>
    </message>
    <message>
        <source>Bookmark</source>
        <translation>Lesezeichen</translation>
    </message>
    <message>
        <source>{id} (not in this atlas)</source>
        <translation>{id} (nicht in diesem Atlas)</translation>
    </message>
    <message>
        <source>Export notes</source>
        <translation>Notizen exportieren</translation>
    </message>
    <message>
        <source>Text files (*.md *.txt)</source>
        <translation>Textdateien (*.md *.txt)</translation>
    </message>
    <message>
        <source>The notes could not be saved to {file}: {reason}</source>
        <translation>Die Notizen konnten nicht in {file} gespeichert werden: {reason}</translation>
    </message>
    <message>
        <source>Notes saved to {file}</source>
        <translation>Notizen in {file} gespeichert</translation>
    </message>
    <message>
        <source>Bookmarked {name}</source>
        <translation>Lesezeichen auf {name} gesetzt</translation>
    </message>
    <message>
        <source>Removed the bookmark on {name}</source>
        <translation>Lesezeichen auf {name} entfernt</translation>
    </message>
</context>
<context>
    <name>PainDock</name>
    <message>
        <source>Emergency</source>
        <translation>Notfall</translation>
    </message>
    <message>
        <source>January</source>
        <translation>Januar</translation>
    </message>
    <message>
        <source>February</source>
        <translation>Februar</translation>
    </message>
    <message>
        <source>March</source>
        <translation>März</translation>
    </message>
    <message>
        <source>April</source>
        <translation>April</translation>
    </message>
    <message>
        <source>May</source>
        <translation>Mai</translation>
    </message>
    <message>
        <source>June</source>
        <translation>Juni</translation>
    </message>
    <message>
        <source>July</source>
        <translation>Juli</translation>
    </message>
    <message>
        <source>August</source>
        <translation>August</translation>
    </message>
    <message>
        <source>September</source>
        <translation>September</translation>
    </message>
    <message>
        <source>October</source>
        <translation>Oktober</translation>
    </message>
    <message>
        <source>November</source>
        <translation>November</translation>
    </message>
    <message>
        <source>December</source>
        <translation>Dezember</translation>
    </message>
    <message>
        <source>{day} {month} {year}, {time}</source>
        <translation>{day}. {month} {year}, {time}</translation>
    </message>
    <message>
        <source>{value} cm²</source>
        <translation>{value} cm²</translation>
    </message>
    <message>
        <source>Nothing marked yet: click the plate where it hurts.</source>
        <translation>Noch nichts markiert: Klicken Sie auf der Tafel dorthin, wo es wehtut.</translation>
    </message>
    <message>
        <source>1 mark</source>
        <translation>1 Markierung</translation>
    </message>
    <message>
        <source>{count} marks</source>
        <translation>{count} Markierungen</translation>
    </message>
    <message>
        <source>{area} painted</source>
        <translation>{area} bemalt</translation>
    </message>
    <message>
        <source>{urgency}: {name}</source>
        <translation>{urgency}: {name}</translation>
    </message>
    <message>
        <source>You ticked: {reasons}.</source>
        <translation>Sie haben angekreuzt: {reasons}.</translation>
    </message>
    <message>
        <source>See the warning above for what to do first.</source>
        <translation>Was zuerst zu tun ist, steht in der Warnung oben.</translation>
    </message>
    <message>
        <source>Read why, and what to do first, under “Also worth a thought” below.</source>
        <translation>Warum, und was zuerst zu tun ist, lesen Sie unten unter „Auch zu bedenken“.</translation>
    </message>
    <message>
        <source>&lt;b&gt;No massage, pressure or stretching advice here for now.&lt;/b&gt; It is held back because of: {names}.</source>
        <translation>&lt;b&gt;Vorerst hier keine Hinweise zu Massage, Druck oder Dehnung.&lt;/b&gt; Sie werden zurückgehalten wegen: {names}.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Self-help for the best matches&lt;/b&gt; (read each one&apos;s safety notes first): {links}.</source>
        <translation>&lt;b&gt;Selbsthilfe für die besten Treffer&lt;/b&gt; (lesen Sie zuerst jeweils die Sicherheitshinweise): {links}.</translation>
    </message>
    <message>
        <source>Mark or paint where it hurts: other causes of pain in the same places show here.</source>
        <translation>Markieren oder bemalen Sie, wo es wehtut: Andere Ursachen für Schmerzen an denselben Stellen erscheinen hier.</translation>
    </message>
    <message>
        <source>Nothing else stands out for the places you marked.</source>
        <translation>Für die markierten Stellen fällt sonst nichts auf.</translation>
    </message>
    <message>
        <source>On the plate: {links}</source>
        <translation>Auf der Tafel: {links}</translation>
    </message>
    <message>
        <source>No massage or pressure on this spot while this is possible.</source>
        <translation>Keine Massage und kein Druck auf diese Stelle, solange dies möglich ist.</translation>
    </message>
    <message>
        <source>Why it shows: {reasons}</source>
        <translation>Warum es erscheint: {reasons}</translation>
    </message>
    <message>
        <source>A pain drawing cannot tell what causes the pain.</source>
        <translation>Eine Schmerzzeichnung kann nicht sagen, was den Schmerz verursacht.</translation>
    </message>
    <message>
        <source>Not a diagnosis.</source>
        <translation>Keine Diagnose.</translation>
    </message>
    <message>
        <source>the same day</source>
        <translation>am selben Tag</translation>
    </message>
    <message>
        <source>1 day earlier</source>
        <translation>1 Tag früher</translation>
    </message>
    <message>
        <source>{count} days earlier</source>
        <translation>{count} Tage früher</translation>
    </message>
    <message>
        <source>1 day later</source>
        <translation>1 Tag später</translation>
    </message>
    <message>
        <source>{count} days later</source>
        <translation>{count} Tage später</translation>
    </message>
    <message>
        <source>Compared with your drawing of {when} ({ago}):</source>
        <translation>Verglichen mit Ihrer Zeichnung vom {when} ({ago}):</translation>
    </message>
    <message>
        <source>Compared with your drawing of {when}:</source>
        <translation>Verglichen mit Ihrer Zeichnung vom {when}:</translation>
    </message>
    <message>
        <source>Rose (a closer match now)</source>
        <translation>Gestiegen (jetzt ein besserer Treffer)</translation>
    </message>
    <message>
        <source>Fell (a weaker match now)</source>
        <translation>Gefallen (jetzt ein schwächerer Treffer)</translation>
    </message>
    <message>
        <source>New in the list</source>
        <translation>Neu in der Liste</translation>
    </message>
    <message>
        <source>Gone from the list</source>
        <translation>Nicht mehr in der Liste</translation>
    </message>
    <message>
        <source>Unchanged</source>
        <translation>Unverändert</translation>
    </message>
    <message>
        <source>No trigger point matched either drawing.</source>
        <translation>Kein Triggerpunkt passte zu einer der beiden Zeichnungen.</translation>
    </message>
    <message>
        <source>Nothing was painted in either drawing.</source>
        <translation>In keiner der beiden Zeichnungen wurde etwas bemalt.</translation>
    </message>
    <message>
        <source>about the same size</source>
        <translation>etwa gleich groß</translation>
    </message>
    <message>
        <source>{area} more</source>
        <translation>{area} mehr</translation>
    </message>
    <message>
        <source>{area} less</source>
        <translation>{area} weniger</translation>
    </message>
    <message>
        <source>{area} newly painted</source>
        <translation>{area} neu bemalt</translation>
    </message>
    <message>
        <source>{area} no longer painted</source>
        <translation>{area} nicht mehr bemalt</translation>
    </message>
    <message>
        <source>Painted area: {before} then, {after} now ({change}).</source>
        <translation>Bemalte Fläche: damals {before}, jetzt {after} ({change}).</translation>
    </message>
    <message>
        <source>Now also worth a thought: {names}.</source>
        <translation>Jetzt auch zu bedenken: {names}.</translation>
    </message>
    <message>
        <source>No longer suggested: {names}.</source>
        <translation>Nicht mehr vorgeschlagen: {names}.</translation>
    </message>
    <message>
        <source>“{label}”</source>
        <translation>„{label}“</translation>
    </message>
    <message>
        <source>of {when}</source>
        <translation>vom {when}</translation>
    </message>
    <message>
        <source>(id {id})</source>
        <translation>(ID {id})</translation>
    </message>
    <message>
        <source>Where does it hurt?</source>
        <translation>Wo tut es weh?</translation>
    </message>
    <message>
        <source>Mark or paint where it hurts: click or drag on the plate, or use the arrow keys with Space to mark and P to paint. The list shows which trigger points send pain there, the hamstrings&apos; and their neighbours&apos;.</source>
        <translation>Markieren oder bemalen Sie, wo es wehtut: Klicken oder ziehen Sie auf der Tafel, oder verwenden Sie die Pfeiltasten mit der Leertaste zum Markieren und P zum Malen. Die Liste zeigt, welche Triggerpunkte Schmerz dorthin ausstrahlen – die der Kniebeuger und ihrer Nachbarn.</translation>
    </message>
    <message>
        <source>How to use the pain finder</source>
        <translation>So benutzen Sie den Schmerzfinder</translation>
    </message>
    <message>
        <source>Brush size</source>
        <translation>Pinselgröße</translation>
    </message>
    <message>
        <source> cm</source>
        <translation> cm</translation>
    </message>
    <message>
        <source>Brush size in centimetres (across)</source>
        <translation>Pinselgröße in Zentimetern (Durchmesser)</translation>
    </message>
    <message>
        <source>How wide the brush and the eraser are, in cm of the plate</source>
        <translation>Wie breit Pinsel und Radierer sind, in cm der Tafel</translation>
    </message>
    <message>
        <source>What is marked</source>
        <translation>Was markiert ist</translation>
    </message>
    <message>
        <source>Show the warning signs to tick</source>
        <translation>Die Warnzeichen zum Ankreuzen zeigen</translation>
    </message>
    <message>
        <source>Warning signs that apply: what to do first</source>
        <translation>Zutreffende Warnzeichen: was zuerst zu tun ist</translation>
    </message>
    <message>
        <source>Trigger points that send pain here</source>
        <translation>Triggerpunkte, die Schmerz hierher ausstrahlen</translation>
    </message>
    <message>
        <source>Trigger points that send pain here, best match first</source>
        <translation>Triggerpunkte, die Schmerz hierher ausstrahlen, bester Treffer zuerst</translation>
    </message>
    <message>
        <source>Click or press Enter to read about a trigger point</source>
        <translation>Klicken oder Eingabetaste drücken, um über einen Triggerpunkt zu lesen</translation>
    </message>
    <message>
        <source>Self-help for the best matches</source>
        <translation>Selbsthilfe für die besten Treffer</translation>
    </message>
    <message>
        <source>When to see a professional</source>
        <translation>Wann Sie Fachleute aufsuchen sollten</translation>
    </message>
    <message>
        <source>How the drawing changed</source>
        <translation>Wie sich die Zeichnung verändert hat</translation>
    </message>
    <message>
        <source>Also worth a thought</source>
        <translation>Auch zu bedenken</translation>
    </message>
    <message>
        <source>Also worth a thought: other causes of pain here</source>
        <translation>Auch zu bedenken: andere Ursachen für Schmerzen hier</translation>
    </message>
    <message>
        <source>Messages</source>
        <translation>Meldungen</translation>
    </message>
    <message>
        <source>Label (optional), e.g. after running</source>
        <translation>Bezeichnung (optional), z. B. nach dem Laufen</translation>
    </message>
    <message>
        <source>Label of the drawing to save</source>
        <translation>Bezeichnung der zu speichernden Zeichnung</translation>
    </message>
    <message>
        <source>Compare with…</source>
        <translation>Vergleichen mit…</translation>
    </message>
    <message>
        <source>Compare with an earlier drawing</source>
        <translation>Mit einer früheren Zeichnung vergleichen</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Fertig</translation>
    </message>
    <message>
        <source>Leave the pain finder</source>
        <translation>Den Schmerzfinder verlassen</translation>
    </message>
    <message>
        <source>Leave the pain finder; your drawing is kept until cleared</source>
        <translation>Den Schmerzfinder verlassen; Ihre Zeichnung bleibt erhalten, bis Sie sie leeren</translation>
    </message>
    <message>
        <source>Warning signs: tick any that apply ({count} ticked)</source>
        <translation>Warnzeichen: Kreuzen Sie alle zutreffenden an ({count} angekreuzt)</translation>
    </message>
    <message>
        <source>Warning signs: tick any that apply</source>
        <translation>Warnzeichen: Kreuzen Sie alle zutreffenden an</translation>
    </message>
    <message>
        <source>&amp;Where does it hurt?</source>
        <translation>&amp;Wo tut es weh?</translation>
    </message>
    <message>
        <source>Mark where it hurts and see which trigger points send pain there</source>
        <translation>Markieren, wo es wehtut, und sehen, welche Triggerpunkte Schmerz dorthin ausstrahlen</translation>
    </message>
    <message>
        <source>&amp;Mark</source>
        <translation>&amp;Markieren</translation>
    </message>
    <message>
        <source>&amp;Brush</source>
        <translation>&amp;Pinsel</translation>
    </message>
    <message>
        <source>&amp;Eraser</source>
        <translation>&amp;Radierer</translation>
    </message>
    <message>
        <source>Click the plate to mark a spot that hurts</source>
        <translation>Auf die Tafel klicken, um eine schmerzende Stelle zu markieren</translation>
    </message>
    <message>
        <source>Drag on the plate to paint the area that hurts</source>
        <translation>Auf der Tafel ziehen, um den schmerzenden Bereich zu bemalen</translation>
    </message>
    <message>
        <source>Drag on the plate to rub out paint and marks</source>
        <translation>Auf der Tafel ziehen, um Farbe und Markierungen wegzuradieren</translation>
    </message>
    <message>
        <source>&amp;Clear</source>
        <translation>&amp;Leeren</translation>
    </message>
    <message>
        <source>Remove every mark and all paint</source>
        <translation>Alle Markierungen und alle Farbe entfernen</translation>
    </message>
    <message>
        <source>&amp;Undo clear</source>
        <translation>Leeren rück&amp;gängig</translation>
    </message>
    <message>
        <source>Bring back the drawing you just cleared</source>
        <translation>Die gerade geleerte Zeichnung zurückholen</translation>
    </message>
    <message>
        <source>&amp;Save drawing</source>
        <translation>Zeichnung &amp;speichern</translation>
    </message>
    <message>
        <source>Keep this drawing, dated, to compare with later</source>
        <translation>Diese Zeichnung mit Datum aufbewahren, um sie später zu vergleichen</translation>
    </message>
    <message>
        <source>&amp;Tools</source>
        <translation>E&amp;xtras</translation>
    </message>
    <message>
        <source>Drawing cleared: Undo clear (Ctrl+Z) brings it back.</source>
        <translation>Zeichnung geleert: „Leeren rückgängig“ (Strg+Z) holt sie zurück.</translation>
    </message>
    <message>
        <source>The cleared drawing is back.</source>
        <translation>Die geleerte Zeichnung ist wieder da.</translation>
    </message>
    <message>
        <source>There is nothing to save yet: mark or paint where it hurts first.</source>
        <translation>Es gibt noch nichts zu speichern: Markieren oder bemalen Sie zuerst, wo es wehtut.</translation>
    </message>
    <message>
        <source>Drawings are saved on the posterior, superficial plate only: switch to it (Ctrl+1) to save one.</source>
        <translation>Zeichnungen werden nur auf der Tafel „hinten, oberflächlich“ gespeichert: Wechseln Sie zu ihr (Strg+1), um eine zu speichern.</translation>
    </message>
    <message>
        <source>Drawing saved ({when}).</source>
        <translation>Zeichnung gespeichert ({when}).</translation>
    </message>
    <message>
        <source>A drawing holds at most {count} marks; clear some to add more.</source>
        <translation>Eine Zeichnung fasst höchstens {count} Markierungen; entfernen Sie einige, um weitere hinzuzufügen.</translation>
    </message>
    <message>
        <source>This drawing is full (too many brush strokes); clear it or save it and start a new one.</source>
        <translation>Diese Zeichnung ist voll (zu viele Pinselstriche); leeren oder speichern Sie sie und beginnen Sie eine neue.</translation>
    </message>
    <message>
        <source>Where does it hurt? Click the plate to mark a spot, or paint with the brush.</source>
        <translation>Wo tut es weh? Klicken Sie auf die Tafel, um eine Stelle zu markieren, oder malen Sie mit dem Pinsel.</translation>
    </message>
    <message>
        <source>This plate shows no referral zones, so marks made here cannot be matched to trigger points. Switch to a plate with zones (View ▸ Plate) to see them ranked.</source>
        <translation>Diese Tafel zeigt keine Schmerzzonen, daher lassen sich Markierungen hier keinen Triggerpunkten zuordnen. Wechseln Sie zu einer Tafel mit Zonen (Ansicht ▸ Tafel), um sie gereiht zu sehen.</translation>
    </message>
    <message>
        <source>Read about the {name}</source>
        <translation>Mehr lesen: {name}</translation>
    </message>
    <message>
        <source>No trigger point in this atlas sends pain to the places you marked.</source>
        <translation>Kein Triggerpunkt in diesem Atlas strahlt Schmerz an die markierten Stellen aus.</translation>
    </message>
    <message>
        <source>Nothing marked yet.</source>
        <translation>Noch nichts markiert.</translation>
    </message>
    <message>
        <source>The saved drawing {name} could not be read and is left out: {error}.</source>
        <translation>Die gespeicherte Zeichnung {name} konnte nicht gelesen werden und wird ausgelassen: {error}.</translation>
    </message>
    <message>
        <source>(choose a saved drawing)</source>
        <translation>(gespeicherte Zeichnung wählen)</translation>
    </message>
    <message>
        <source>(none saved yet)</source>
        <translation>(noch keine gespeichert)</translation>
    </message>
    <message>
        <source>Saved drawings are on the posterior, superficial plate: switch to it (Ctrl+1) to compare.</source>
        <translation>Gespeicherte Zeichnungen liegen auf der Tafel „hinten, oberflächlich“: Wechseln Sie zu ihr (Strg+1), um zu vergleichen.</translation>
    </message>
    <message>
        <source>Mark or paint where it hurts now to compare it with the saved drawing.</source>
        <translation>Markieren oder bemalen Sie, wo es jetzt wehtut, um es mit der gespeicherten Zeichnung zu vergleichen.</translation>
    </message>
    <message>
        <source>On the plate: the saved drawing in blue ({when}), today&apos;s in red-orange, side by side.</source>
        <translation>Auf der Tafel: die gespeicherte Zeichnung in Blau ({when}), die heutige in Rotorange, nebeneinander.</translation>
    </message>
</context>
<context>
    <name>PainFinder</name>
    <message>
        <source>1 mark in the essential zone</source>
        <translation>1 Markierung in der Hauptschmerzzone</translation>
    </message>
    <message>
        <source>{count} marks in the essential zone</source>
        <translation>{count} Markierungen in der Hauptschmerzzone</translation>
    </message>
    <message>
        <source>1 mark in the spillover zone</source>
        <translation>1 Markierung in der Nebenschmerzzone</translation>
    </message>
    <message>
        <source>{count} marks in the spillover zone</source>
        <translation>{count} Markierungen in der Nebenschmerzzone</translation>
    </message>
    <message>
        <source>{share} of the painted area in the essential zone</source>
        <translation>{share} der bemalten Fläche in der Hauptschmerzzone</translation>
    </message>
    <message>
        <source>{share} of the painted area in the spillover zone</source>
        <translation>{share} der bemalten Fläche in der Nebenschmerzzone</translation>
    </message>
    <message>
        <source>under 1%</source>
        <translation>unter 1 %</translation>
    </message>
    <message>
        <source>over 99%</source>
        <translation>über 99 %</translation>
    </message>
    <message>
        <source>{value}%</source>
        <translation>{value} %</translation>
    </message>
</context>
<context>
    <name>Panel</name>
    <message>
        <source>How to do it</source>
        <translation>So wird es gemacht</translation>
    </message>
    <message>
        <source>How to stretch</source>
        <translation>So wird gedehnt</translation>
    </message>
    <message>
        <source>How it is done</source>
        <translation>So wird es durchgeführt</translation>
    </message>
    <message>
        <source>The muscle at work</source>
        <translation>Der Muskel in Aktion</translation>
    </message>
    <message>
        <source>hip and buttock</source>
        <translation>Hüfte und Gesäß</translation>
    </message>
    <message>
        <source>thigh</source>
        <translation>Oberschenkel</translation>
    </message>
    <message>
        <source>knee and calf</source>
        <translation>Knie und Wade</translation>
    </message>
    <message>
        <source>&lt;b&gt;Pinned:&lt;/b&gt; {names} (stay until turned off)</source>
        <translation>&lt;b&gt;Angeheftet:&lt;/b&gt; {names} (bleiben, bis Sie sie ausschalten)</translation>
    </message>
    <message>
        <source>Zones follow the ✕ you select; pin them to keep them.</source>
        <translation>Die Zonen folgen dem ausgewählten ✕; heften Sie sie an, um sie zu behalten.</translation>
    </message>
    <message>
        <source>semitendinosus / semimembranosus</source>
        <translation>Semitendinosus / Semimembranosus</translation>
    </message>
    <message>
        <source>biceps femoris</source>
        <translation>Biceps femoris</translation>
    </message>
    <message>
        <source>solid = essential zone</source>
        <translation>durchgezogen = Hauptschmerzzone</translation>
    </message>
    <message>
        <source>dotted = spillover zone</source>
        <translation>gepunktet = Nebenschmerzzone</translation>
    </message>
    <message>
        <source>✕ = trigger point</source>
        <translation>✕ = Triggerpunkt</translation>
    </message>
    <message>
        <source>origin</source>
        <translation>Ursprung</translation>
    </message>
    <message>
        <source>insertion</source>
        <translation>Ansatz</translation>
    </message>
    <message>
        <source>Legend</source>
        <translation>Legende</translation>
    </message>
    <message>
        <source>neighbours:</source>
        <translation>Nachbarmuskeln:</translation>
    </message>
    <message>
        <source>Pin its referred pain on the plate</source>
        <translation>Übertragenen Schmerz auf der Tafel anheften</translation>
    </message>
    <message>
        <source>Pin the referred pain of the selection on the plate</source>
        <translation>Den übertragenen Schmerz der Auswahl auf der Tafel anheften</translation>
    </message>
    <message>
        <source>Information panel</source>
        <translation>Informationsbereich</translation>
    </message>
    <message>
        <source>Welcome</source>
        <translation>Willkommen</translation>
    </message>
    <message>
        <source>No figure: {problem} (and {count} more)</source>
        <translation>Keine Abbildung: {problem} (und {count} weitere)</translation>
    </message>
    <message>
        <source>No figure: {problem}</source>
        <translation>Keine Abbildung: {problem}</translation>
    </message>
    <message>
        <source>Sources:</source>
        <translation>Quellen:</translation>
    </message>
</context>
<context>
    <name>PlateView</name>
    <message>
        <source>Posterior, superficial</source>
        <translation>Hinten, oberflächlich</translation>
    </message>
    <message>
        <source>Posterior, deep</source>
        <translation>Hinten, tief</translation>
    </message>
    <message>
        <source>Medial</source>
        <translation>Innen (medial)</translation>
    </message>
    <message>
        <source>Lateral</source>
        <translation>Außen (lateral)</translation>
    </message>
    <message>
        <source>Cross-section at mid-thigh</source>
        <translation>Querschnitt durch die Oberschenkelmitte</translation>
    </message>
    <message>
        <source>Plate: {view} view of the right thigh</source>
        <translation>Tafel: rechter Oberschenkel, Ansicht {view}</translation>
    </message>
    <message>
        <source>Focused: {name}</source>
        <translation>Fokussiert: {name}</translation>
    </message>
</context>
<context>
    <name>Quiz</name>
    <message>
        <source>extends the hip</source>
        <translation>streckt die Hüfte</translation>
    </message>
    <message>
        <source>extend the hip</source>
        <translation>die Hüfte strecken</translation>
    </message>
    <message>
        <source>flexes the hip</source>
        <translation>beugt die Hüfte</translation>
    </message>
    <message>
        <source>flex the hip</source>
        <translation>die Hüfte beugen</translation>
    </message>
    <message>
        <source>abducts the hip</source>
        <translation>abduziert die Hüfte (spreizt das Bein ab)</translation>
    </message>
    <message>
        <source>abduct the hip</source>
        <translation>die Hüfte abduzieren (das Bein abspreizen)</translation>
    </message>
    <message>
        <source>adducts the hip</source>
        <translation>adduziert die Hüfte (zieht das Bein heran)</translation>
    </message>
    <message>
        <source>adduct the hip</source>
        <translation>die Hüfte adduzieren (das Bein heranziehen)</translation>
    </message>
    <message>
        <source>extends the knee</source>
        <translation>streckt das Knie</translation>
    </message>
    <message>
        <source>extend the knee</source>
        <translation>das Knie strecken</translation>
    </message>
    <message>
        <source>flexes the knee</source>
        <translation>beugt das Knie</translation>
    </message>
    <message>
        <source>flex the knee</source>
        <translation>das Knie beugen</translation>
    </message>
    <message>
        <source>abducts the knee</source>
        <translation>abduziert das Knie</translation>
    </message>
    <message>
        <source>abduct the knee</source>
        <translation>das Knie abduzieren</translation>
    </message>
    <message>
        <source>adducts the knee</source>
        <translation>adduziert das Knie</translation>
    </message>
    <message>
        <source>adduct the knee</source>
        <translation>das Knie adduzieren</translation>
    </message>
    <message>
        <source>rotates the leg medially (inward) at the bent knee</source>
        <translation>dreht das Bein bei gebeugtem Knie nach innen (Innenrotation)</translation>
    </message>
    <message>
        <source>rotate the leg medially (inward) at the bent knee</source>
        <translation>das Bein bei gebeugtem Knie nach innen drehen (Innenrotation)</translation>
    </message>
    <message>
        <source>rotates the leg laterally (outward) at the bent knee</source>
        <translation>dreht das Bein bei gebeugtem Knie nach außen (Außenrotation)</translation>
    </message>
    <message>
        <source>rotate the leg laterally (outward) at the bent knee</source>
        <translation>das Bein bei gebeugtem Knie nach außen drehen (Außenrotation)</translation>
    </message>
    <message>
        <source>Where is {name}? Click it on the plate.</source>
        <translation>Wo liegt {name}? Klicken Sie die Stelle auf der Tafel an.</translation>
    </message>
    <message>
        <source>What is the highlighted trigger point called in Latin?</source>
        <translation>Wie heißt der hervorgehobene Triggerpunkt auf Latein?</translation>
    </message>
    <message>
        <source>What is the highlighted trigger point called?</source>
        <translation>Wie heißt der hervorgehobene Triggerpunkt?</translation>
    </message>
    <message>
        <source>What is the highlighted structure called in Latin?</source>
        <translation>Wie heißt die hervorgehobene Struktur auf Latein?</translation>
    </message>
    <message>
        <source>What is the highlighted structure called?</source>
        <translation>Wie heißt die hervorgehobene Struktur?</translation>
    </message>
    <message>
        <source>an essential zone (solid) with its spillover zone (dotted)</source>
        <translation>eine Hauptschmerzzone (durchgezogen) mit ihrer Nebenschmerzzone (gepunktet)</translation>
    </message>
    <message>
        <source>an essential zone</source>
        <translation>eine Hauptschmerzzone</translation>
    </message>
    <message>
        <source>a spillover zone</source>
        <translation>eine Nebenschmerzzone</translation>
    </message>
    <message>
        <source>Whose pain is this? The plate shows {zone} of referred pain: click a trigger point or muscle that causes it.</source>
        <translation>Woher kommt dieser Schmerz? Die Tafel zeigt {zone} eines übertragenen Schmerzes: Klicken Sie einen Triggerpunkt oder Muskel an, der ihn auslöst.</translation>
    </message>
    <message>
        <source>What is the origin of {name}?</source>
        <translation>Wo entspringt {name} (Ursprung)?</translation>
    </message>
    <message>
        <source>What is the insertion of {name}?</source>
        <translation>Wo setzt {name} an (Ansatz)?</translation>
    </message>
    <message>
        <source>Which arteries supply {name}?</source>
        <translation>Welche Arterien versorgen {name}?</translation>
    </message>
    <message>
        <source>{nerve}: {division}; roots {roots}.</source>
        <translation>{nerve}: {division}; Wurzeln {roots}.</translation>
    </message>
    <message>
        <source>Which nerve supplies {name}?</source>
        <translation>Welcher Nerv versorgt {name}?</translation>
    </message>
    <message>
        <source>Through which nerve division is {name} supplied?</source>
        <translation>Über welchen Nervenanteil wird {name} versorgt?</translation>
    </message>
    <message>
        <source>Which spinal nerve roots supply {name}?</source>
        <translation>Welche Spinalnervenwurzeln versorgen {name}?</translation>
    </message>
    <message>
        <source>Which of these actions does {name} perform?</source>
        <translation>Welche dieser Bewegungen führt {name} aus?</translation>
    </message>
    <message>
        <source>Which of these muscles does NOT {action}?</source>
        <translation>Welcher dieser Muskeln kann NICHT {action}?</translation>
    </message>
</context>
<context>
    <name>QuizDock</name>
    <message>
        <source>All kinds</source>
        <translation>Alle Arten</translation>
    </message>
    <message>
        <source>Find it</source>
        <translation>Finden</translation>
    </message>
    <message>
        <source>Name it</source>
        <translation>Benennen</translation>
    </message>
    <message>
        <source>Whose pain is this?</source>
        <translation>Woher kommt der Schmerz?</translation>
    </message>
    <message>
        <source>Facts</source>
        <translation>Fakten</translation>
    </message>
    <message>
        <source>January</source>
        <translation>Januar</translation>
    </message>
    <message>
        <source>February</source>
        <translation>Februar</translation>
    </message>
    <message>
        <source>March</source>
        <translation>März</translation>
    </message>
    <message>
        <source>April</source>
        <translation>April</translation>
    </message>
    <message>
        <source>May</source>
        <translation>Mai</translation>
    </message>
    <message>
        <source>June</source>
        <translation>Juni</translation>
    </message>
    <message>
        <source>July</source>
        <translation>Juli</translation>
    </message>
    <message>
        <source>August</source>
        <translation>August</translation>
    </message>
    <message>
        <source>September</source>
        <translation>September</translation>
    </message>
    <message>
        <source>October</source>
        <translation>Oktober</translation>
    </message>
    <message>
        <source>November</source>
        <translation>November</translation>
    </message>
    <message>
        <source>December</source>
        <translation>Dezember</translation>
    </message>
    <message>
        <source>now</source>
        <translation>jetzt</translation>
    </message>
    <message>
        <source>in {count} minute</source>
        <translation>in {count} Minute</translation>
    </message>
    <message>
        <source>in {count} minutes</source>
        <translation>in {count} Minuten</translation>
    </message>
    <message>
        <source>in {count} hour</source>
        <translation>in {count} Stunde</translation>
    </message>
    <message>
        <source>in {count} hours</source>
        <translation>in {count} Stunden</translation>
    </message>
    <message>
        <source>in {count} day ({day} {month})</source>
        <translation>in {count} Tag ({day}. {month})</translation>
    </message>
    <message>
        <source>in {count} days ({day} {month})</source>
        <translation>in {count} Tagen ({day}. {month})</translation>
    </message>
    <message>
        <source>once</source>
        <translation>einmal</translation>
    </message>
    <message>
        <source>twice</source>
        <translation>zweimal</translation>
    </message>
    <message>
        <source>{count} times</source>
        <translation>{count}-mal</translation>
    </message>
    <message>
        <source>Quiz</source>
        <translation>Quiz</translation>
    </message>
    <message>
        <source>Quiz message</source>
        <translation>Quiz-Meldung</translation>
    </message>
    <message>
        <source>Kind of question</source>
        <translation>Art der Frage</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Starten</translation>
    </message>
    <message>
        <source>Start the quiz</source>
        <translation>Quiz starten</translation>
    </message>
    <message>
        <source>Question</source>
        <translation>Frage</translation>
    </message>
    <message>
        <source>Your record on this question</source>
        <translation>Ihre bisherigen Antworten auf diese Frage</translation>
    </message>
    <message>
        <source>Feedback</source>
        <translation>Rückmeldung</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>Punktestand</translation>
    </message>
    <message>
        <source>&amp;Quiz</source>
        <translation>&amp;Quiz</translation>
    </message>
    <message>
        <source>Test yourself: find, name and explain what is on the plate</source>
        <translation>Testen Sie sich: finden, benennen und erklären Sie, was auf der Tafel zu sehen ist</translation>
    </message>
    <message>
        <source>The atlas has no questions of this kind.</source>
        <translation>Der Atlas hat keine Fragen dieser Art.</translation>
    </message>
    <message>
        <source>Already answered: press Next question, or close the quiz to explore.</source>
        <translation>Bereits beantwortet: Drücken Sie „Nächste Frage“ oder schließen Sie das Quiz, um weiter zu erkunden.</translation>
    </message>
    <message>
        <source>Pick one of the answers in the Quiz panel.</source>
        <translation>Wählen Sie eine der Antworten im Quiz-Bereich.</translation>
    </message>
    <message>
        <source>Nothing to click there: click a structure on the plate.</source>
        <translation>Dort gibt es nichts anzuklicken: Klicken Sie eine Struktur auf der Tafel an.</translation>
    </message>
    <message>
        <source>Pick one of the answers in the Quiz panel: press its number.</source>
        <translation>Wählen Sie eine der Antworten im Quiz-Bereich: Drücken Sie ihre Nummer.</translation>
    </message>
    <message>
        <source>Click your answer on the plate.</source>
        <translation>Klicken Sie Ihre Antwort auf der Tafel an.</translation>
    </message>
    <message>
        <source>It is on a layer you have hidden: turn it on in the View menu.</source>
        <translation>Sie liegt auf einer ausgeblendeten Ebene: Blenden Sie diese im Menü „Ansicht“ ein.</translation>
    </message>
    <message>
        <source>Quiz: click your answer on the plate.</source>
        <translation>Quiz: Klicken Sie Ihre Antwort auf der Tafel an.</translation>
    </message>
    <message>
        <source>Quiz: pick an answer.</source>
        <translation>Quiz: Wählen Sie eine Antwort.</translation>
    </message>
    <message>
        <source>Skip</source>
        <translation>Überspringen</translation>
    </message>
    <message>
        <source>Skip this question</source>
        <translation>Diese Frage überspringen</translation>
    </message>
    <message>
        <source>Right!</source>
        <translation>Richtig!</translation>
    </message>
    <message>
        <source>You clicked {answer}.</source>
        <translation>Angeklickt: {answer}.</translation>
    </message>
    <message>
        <source>You picked {answer}.</source>
        <translation>Ihre Wahl: {answer}.</translation>
    </message>
    <message>
        <source>The answer: &lt;b&gt;{answer}&lt;/b&gt; (green on the plate).</source>
        <translation>Die Antwort: &lt;b&gt;{answer}&lt;/b&gt; (grün auf der Tafel).</translation>
    </message>
    <message>
        <source>The answer: &lt;b&gt;{answer}&lt;/b&gt;.</source>
        <translation>Die Antwort: &lt;b&gt;{answer}&lt;/b&gt;.</translation>
    </message>
    <message>
        <source>Wrong.</source>
        <translation>Falsch.</translation>
    </message>
    <message>
        <source>Next review: {when}.</source>
        <translation>Nächste Wiederholung: {when}.</translation>
    </message>
    <message>
        <source>Next question</source>
        <translation>Nächste Frage</translation>
    </message>
    <message>
        <source>Your quiz progress was not saved: {reason}.</source>
        <translation>Ihr Quiz-Fortschritt wurde nicht gespeichert: {reason}.</translation>
    </message>
    <message>
        <source>Quiz progress not saved: {reason}</source>
        <translation>Quiz-Fortschritt nicht gespeichert: {reason}</translation>
    </message>
    <message>
        <source>Your quiz progress file could not be used: {reason}.</source>
        <translation>Ihre Quiz-Fortschrittsdatei konnte nicht verwendet werden: {reason}.</translation>
    </message>
    <message>
        <source>Your quiz progress file could not be fully used: {reason}.</source>
        <translation>Ihre Quiz-Fortschrittsdatei konnte nicht vollständig verwendet werden: {reason}.</translation>
    </message>
    <message>
        <source>Your saved quiz progress could not be read ({error}). This session starts afresh; the saved progress is kept as it is until you answer a question, which replaces it.</source>
        <translation>Ihr gespeicherter Quiz-Fortschritt konnte nicht gelesen werden ({error}). Diese Sitzung beginnt von vorn; der gespeicherte Fortschritt bleibt unverändert erhalten, bis Sie eine Frage beantworten – dann wird er ersetzt.</translation>
    </message>
    <message>
        <source>Quiz progress could not be read; see the Quiz panel.</source>
        <translation>Der Quiz-Fortschritt konnte nicht gelesen werden; siehe Quiz-Bereich.</translation>
    </message>
    <message>
        <source>Pick a kind of question and press &lt;b&gt;Start&lt;/b&gt;. Questions you miss come back soon; those you know come back later.</source>
        <translation>Wählen Sie eine Art von Frage und drücken Sie &lt;b&gt;Starten&lt;/b&gt;. Fragen, die Sie falsch beantworten, kommen bald wieder; die, die Sie wissen, erst später.</translation>
    </message>
    <message>
        <source>You have answered {count} question before;</source>
        <translation>Sie haben bereits {count} Frage beantwortet;</translation>
    </message>
    <message>
        <source>You have answered {count} questions before;</source>
        <translation>Sie haben bereits {count} Fragen beantwortet;</translation>
    </message>
    <message>
        <source>{count} is due for review now.</source>
        <translation>{count} ist jetzt zur Wiederholung fällig.</translation>
    </message>
    <message>
        <source>{count} are due for review now.</source>
        <translation>{count} sind jetzt zur Wiederholung fällig.</translation>
    </message>
    <message>
        <source>Score: {score}</source>
        <translation>Punktestand: {score}</translation>
    </message>
    <message>
        <source>{count} more in this round</source>
        <translation>noch {count} in dieser Runde</translation>
    </message>
    <message>
        <source>A new question for you.</source>
        <translation>Eine neue Frage für Sie.</translation>
    </message>
    <message>
        <source>Seen {seen} before, right {right}; review due {when}.</source>
        <translation>Bisher {seen} gestellt, {right} richtig; Wiederholung fällig {when}.</translation>
    </message>
    <message>
        <source>never</source>
        <translation>nie</translation>
    </message>
    <message>
        <source>&amp;Study</source>
        <translation>&amp;Lernen</translation>
    </message>
</context>
<context>
    <name>Scheduler</name>
    <message>
        <source>progress field &apos;{field}&apos;: {problem}</source>
        <translation>Fortschrittsfeld „{field}“: {problem}</translation>
    </message>
    <message>
        <source>expected &apos;{expected}&apos;, got {value}</source>
        <translation>erwartet „{expected}“, gefunden {value}</translation>
    </message>
    <message>
        <source>expected {expected}, got {value}</source>
        <translation>erwartet {expected}, gefunden {value}</translation>
    </message>
    <message>
        <source>item ids must be non-empty text, got {value}</source>
        <translation>Einträge brauchen einen nicht leeren Text als Kennung, gefunden {value}</translation>
    </message>
    <message>
        <source>expected a table, got {type}</source>
        <translation>erwartet eine Tabelle, gefunden {type}</translation>
    </message>
    <message>
        <source>expected one of 1, 2, 3, got {value}</source>
        <translation>erwartet 1, 2 oder 3, gefunden {value}</translation>
    </message>
    <message>
        <source>expected a count &gt;= 0 or null, got {value}</source>
        <translation>erwartet eine Anzahl &gt;= 0 oder null, gefunden {value}</translation>
    </message>
    <message>
        <source>a learning or relearning item needs a step</source>
        <translation>ein Eintrag im (erneuten) Lernen braucht einen Schritt</translation>
    </message>
    <message>
        <source>expected a number from 1 to 10, got {value}</source>
        <translation>erwartet eine Zahl von 1 bis 10, gefunden {value}</translation>
    </message>
    <message>
        <source>expected a list, got {type}</source>
        <translation>erwartet eine Liste, gefunden {type}</translation>
    </message>
    <message>
        <source>expected true or false, got {value}</source>
        <translation>erwartet true oder false, gefunden {value}</translation>
    </message>
    <message>
        <source>expected a whole number, got {value}</source>
        <translation>erwartet eine ganze Zahl, gefunden {value}</translation>
    </message>
    <message>
        <source>expected a finite number, got {value}</source>
        <translation>erwartet eine endliche Zahl, gefunden {value}</translation>
    </message>
    <message>
        <source>expected a number &gt; 0, got {value}</source>
        <translation>erwartet eine Zahl &gt; 0, gefunden {value}</translation>
    </message>
    <message>
        <source>expected an ISO 8601 date-time text, got {value}</source>
        <translation>erwartet Datum und Uhrzeit als Text nach ISO 8601, gefunden {value}</translation>
    </message>
    <message>
        <source>expected an ISO 8601 date-time, got {value}</source>
        <translation>erwartet Datum und Uhrzeit nach ISO 8601, gefunden {value}</translation>
    </message>
    <message>
        <source>expected a date-time with a time zone, got {value}</source>
        <translation>erwartet Datum und Uhrzeit mit Zeitzone, gefunden {value}</translation>
    </message>
</context>
<context>
    <name>SearchBox</name>
    <message>
        <source>Search names, Latin, glossary, text…</source>
        <translation>Namen, Latein, Glossar, Text durchsuchen…</translation>
    </message>
    <message>
        <source>No matches</source>
        <translation>Keine Treffer</translation>
    </message>
    <message>
        <source>Structure</source>
        <translation>Struktur</translation>
    </message>
    <message>
        <source>Trigger point</source>
        <translation>Triggerpunkt</translation>
    </message>
    <message>
        <source>Referred-pain zone</source>
        <translation>Zone übertragenen Schmerzes</translation>
    </message>
    <message>
        <source>Exercise</source>
        <translation>Übung</translation>
    </message>
    <message>
        <source>Stretch</source>
        <translation>Dehnung</translation>
    </message>
    <message>
        <source>Technique</source>
        <translation>Technik</translation>
    </message>
    <message>
        <source>Palpation guide</source>
        <translation>Tastanleitung</translation>
    </message>
    <message>
        <source>Glossary term</source>
        <translation>Glossarbegriff</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Quelle</translation>
    </message>
    <message>
        <source>Hamstring muscle</source>
        <translation>Kniebeugermuskel</translation>
    </message>
    <message>
        <source>Muscle group</source>
        <translation>Muskelgruppe</translation>
    </message>
    <message>
        <source>Muscle</source>
        <translation>Muskel</translation>
    </message>
    <message>
        <source>Bone</source>
        <translation>Knochen</translation>
    </message>
    <message>
        <source>Bony landmark</source>
        <translation>Knochenpunkt</translation>
    </message>
    <message>
        <source>Nerve</source>
        <translation>Nerv</translation>
    </message>
    <message>
        <source>Blood vessel</source>
        <translation>Blutgefäß</translation>
    </message>
    <message>
        <source>Strengthening exercise</source>
        <translation>Kräftigungsübung</translation>
    </message>
    <message>
        <source>Self-massage</source>
        <translation>Selbstmassage</translation>
    </message>
    <message>
        <source>Professional treatment</source>
        <translation>Professionelle Behandlung</translation>
    </message>
    <message>
        <source>Latin</source>
        <translation>Latein</translation>
    </message>
    <message>
        <source>Also called</source>
        <translation>Auch genannt</translation>
    </message>
    <message>
        <source>Actions</source>
        <translation>Funktionen</translation>
    </message>
    <message>
        <source>Advice</source>
        <translation>Hinweise</translation>
    </message>
    <message>
        <source>Author</source>
        <translation>Autor</translation>
    </message>
    <message>
        <source>Blood supply</source>
        <translation>Blutversorgung</translation>
    </message>
    <message>
        <source>Breathing</source>
        <translation>Atmung</translation>
    </message>
    <message>
        <source>Causes activating</source>
        <translation>Auslösende Ursachen</translation>
    </message>
    <message>
        <source>Causes perpetuating</source>
        <translation>Aufrechterhaltende Ursachen</translation>
    </message>
    <message>
        <source>Connections</source>
        <translation>Verbindungen</translation>
    </message>
    <message>
        <source>Corrections</source>
        <translation>Korrekturen</translation>
    </message>
    <message>
        <source>Definition</source>
        <translation>Definition</translation>
    </message>
    <message>
        <source>Depth</source>
        <translation>Tiefe</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Beschreibung</translation>
    </message>
    <message>
        <source>Differential</source>
        <translation>Abgrenzung</translation>
    </message>
    <message>
        <source>English</source>
        <translation>Englisch</translation>
    </message>
    <message>
        <source>Equipment</source>
        <translation>Hilfsmittel</translation>
    </message>
    <message>
        <source>Facts</source>
        <translation>Fakten</translation>
    </message>
    <message>
        <source>Innervation</source>
        <translation>Innervation</translation>
    </message>
    <message>
        <source>Insertion</source>
        <translation>Ansatz</translation>
    </message>
    <message>
        <source>Location</source>
        <translation>Lage</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Anmerkung</translation>
    </message>
    <message>
        <source>Origin</source>
        <translation>Ursprung</translation>
    </message>
    <message>
        <source>Pain</source>
        <translation>Schmerz</translation>
    </message>
    <message>
        <source>Position</source>
        <translation>Position</translation>
    </message>
    <message>
        <source>Provoked by</source>
        <translation>Ausgelöst durch</translation>
    </message>
    <message>
        <source>Publisher</source>
        <translation>Herausgeber</translation>
    </message>
    <message>
        <source>Referral</source>
        <translation>Schmerzübertragung</translation>
    </message>
    <message>
        <source>Regions</source>
        <translation>Bereiche</translation>
    </message>
    <message>
        <source>Relation</source>
        <translation>Lagebeziehung</translation>
    </message>
    <message>
        <source>Roots</source>
        <translation>Wurzeln</translation>
    </message>
    <message>
        <source>Steps</source>
        <translation>Schritte</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Zusammenfassung</translation>
    </message>
    <message>
        <source>Symptoms</source>
        <translation>Beschwerden</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Titel</translation>
    </message>
    <message>
        <source>Tools</source>
        <translation>Hilfsmittel</translation>
    </message>
    <message>
        <source>Variations</source>
        <translation>Varianten</translation>
    </message>
    <message>
        <source>Search the atlas</source>
        <translation>Atlas durchsuchen</translation>
    </message>
    <message>
        <source>Search the atlas ({keys})</source>
        <translation>Atlas durchsuchen ({keys})</translation>
    </message>
    <message>
        <source>Search results</source>
        <translation>Suchergebnisse</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Suche</translation>
    </message>
    <message>
        <source>F&amp;ind…</source>
        <translation>&amp;Suchen…</translation>
    </message>
    <message>
        <source>Search names, Latin, the glossary and the text</source>
        <translation>Namen, Latein, Glossar und Text durchsuchen</translation>
    </message>
    <message>
        <source>{kind} exercise</source>
        <translation>Übung ({kind})</translation>
    </message>
    <message>
        <source>Nothing matches “{query}”: showing results for “{corrected}”.</source>
        <translation>Keine Treffer für „{query}“: Ergebnisse für „{corrected}“ werden angezeigt.</translation>
    </message>
    <message>
        <source>{name} is outlined on the plate</source>
        <translation>{name} ist auf der Tafel umrandet</translation>
    </message>
</context>
<context>
    <name>Settings</name>
    <message>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>System language ({language})</source>
        <translation>Systemsprache ({language})</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>&amp;Sprache:</translation>
    </message>
    <message>
        <source>Names, key facts, self-care, warning signs and handouts are shown in the chosen language; longer texts that are not translated yet stay in English.</source>
        <translation>Namen, Kernfakten, Selbsthilfe, Warnzeichen und Merkblätter erscheinen in der gewählten Sprache; längere Texte, die noch nicht übersetzt sind, bleiben auf Englisch.</translation>
    </message>
</context>
<context>
    <name>Window</name>
    <message>
        <source>Click a muscle or bone</source>
        <translation>Muskel oder Knochen anklicken</translation>
    </message>
    <message>
        <source>select it; its origin (red) and insertion (blue) are marked</source>
        <translation>wählt ihn aus; Ursprung (rot) und Ansatz (blau) werden markiert</translation>
    </message>
    <message>
        <source>Click an ✕</source>
        <translation>Ein ✕ anklicken</translation>
    </message>
    <message>
        <source>select the trigger point and show where its pain goes</source>
        <translation>wählt den Triggerpunkt aus und zeigt, wohin sein Schmerz ausstrahlt</translation>
    </message>
    <message>
        <source>Click empty space / Esc</source>
        <translation>Auf eine leere Stelle klicken / Esc</translation>
    </message>
    <message>
        <source>clear the selection</source>
        <translation>hebt die Auswahl auf</translation>
    </message>
    <message>
        <source>Arrow keys</source>
        <translation>Pfeiltasten</translation>
    </message>
    <message>
        <source>move to the nearest structure or trigger point that way on the plate</source>
        <translation>gehen zur nächsten Struktur oder zum nächsten Triggerpunkt in dieser Richtung auf der Tafel</translation>
    </message>
    <message>
        <source>PgDn / PgUp</source>
        <translation>Bild↓ / Bild↑</translation>
    </message>
    <message>
        <source>move through every structure and trigger point in turn</source>
        <translation>gehen der Reihe nach durch alle Strukturen und Triggerpunkte</translation>
    </message>
    <message>
        <source>Enter</source>
        <translation>Eingabetaste</translation>
    </message>
    <message>
        <source>open the structure under the keyboard focus (in a quiz: answer with it)</source>
        <translation>öffnet die Struktur unter dem Tastaturfokus (im Quiz: antwortet mit ihr)</translation>
    </message>
    <message>
        <source>Tab / Shift Tab</source>
        <translation>Tab / Umschalt+Tab</translation>
    </message>
    <message>
        <source>go on from the plate to the panel and its links, and back</source>
        <translation>wechseln von der Tafel zur Seitenleiste und ihren Links und zurück</translation>
    </message>
    <message>
        <source>Wheel, pinch, Ctrl + / Ctrl −</source>
        <translation>Mausrad, Zwei-Finger-Geste, Strg + / Strg −</translation>
    </message>
    <message>
        <source>zoom toward the pointer</source>
        <translation>vergrößern bzw. verkleinern zum Mauszeiger hin</translation>
    </message>
    <message>
        <source>Drag</source>
        <translation>Ziehen</translation>
    </message>
    <message>
        <source>pan</source>
        <translation>verschiebt die Ansicht</translation>
    </message>
    <message>
        <source>Ctrl 0</source>
        <translation>Strg 0</translation>
    </message>
    <message>
        <source>fit the plate to the window</source>
        <translation>passt die Tafel ins Fenster ein</translation>
    </message>
    <message>
        <source>Alt ← / Alt →</source>
        <translation>Alt ← / Alt →</translation>
    </message>
    <message>
        <source>back / forward through what you looked at</source>
        <translation>zurück / vor durch das, was Sie angesehen haben</translation>
    </message>
    <message>
        <source>Ctrl Shift A / Ctrl Shift N</source>
        <translation>Strg Umschalt A / Strg Umschalt N</translation>
    </message>
    <message>
        <source>show all / no referred-pain overlays</source>
        <translation>zeigt alle / keine Zonen übertragenen Schmerzes</translation>
    </message>
    <message>
        <source>F6</source>
        <translation>F6</translation>
    </message>
    <message>
        <source>switch between plate and panel</source>
        <translation>wechselt zwischen Tafel und Seitenleiste</translation>
    </message>
    <message>
        <source>Ctrl 1 … Ctrl 5</source>
        <translation>Strg 1 … Strg 5</translation>
    </message>
    <message>
        <source>show a plate: posterior superficial, posterior deep, medial, lateral, cross-section at mid-thigh (View ▸ Plate)</source>
        <translation>zeigt eine Tafel: hinten oberflächlich, hinten tief, innen, außen, Querschnitt durch die Oberschenkelmitte (Ansicht ▸ Tafel)</translation>
    </message>
    <message>
        <source>Ctrl F</source>
        <translation>Strg F</translation>
    </message>
    <message>
        <source>search names, Latin, glossary and text</source>
        <translation>durchsucht Namen, Latein, Glossar und Text</translation>
    </message>
    <message>
        <source>Ctrl D</source>
        <translation>Strg D</translation>
    </message>
    <message>
        <source>bookmark the selection (notes in View ▸ Notes and bookmarks)</source>
        <translation>setzt ein Lesezeichen auf die Auswahl (Notizen unter Ansicht ▸ Notizen und Lesezeichen)</translation>
    </message>
    <message>
        <source>Ctrl H</source>
        <translation>Strg H</translation>
    </message>
    <message>
        <source>where does it hurt? mark or paint the pain on the plate</source>
        <translation>Wo tut es weh? Markieren oder malen Sie den Schmerz auf der Tafel</translation>
    </message>
    <message>
        <source>In the pain finder</source>
        <translation>Im Schmerzfinder</translation>
    </message>
    <message>
        <source>arrow keys move a cursor on the plate (Shift: further), Space marks, P paints, Delete rubs out, Tab goes to the results, Ctrl Z undoes Clear</source>
        <translation>Pfeiltasten bewegen einen Cursor auf der Tafel (Umschalt: weiter), Leertaste markiert, P malt, Entf radiert, Tab geht zu den Ergebnissen, Strg Z macht „Leeren“ rückgängig</translation>
    </message>
    <message>
        <source>F7</source>
        <translation>F7</translation>
    </message>
    <message>
        <source>quiz</source>
        <translation>Quiz</translation>
    </message>
    <message>
        <source>In the quiz</source>
        <translation>Im Quiz</translation>
    </message>
    <message>
        <source>1 – 4 pick an answer, Enter answers with the focused structure, Enter again: next question</source>
        <translation>1 – 4 wählen eine Antwort, die Eingabetaste antwortet mit der fokussierten Struktur, erneut Eingabetaste: nächste Frage</translation>
    </message>
    <message>
        <source>Ctrl E / Ctrl P</source>
        <translation>Strg E / Strg P</translation>
    </message>
    <message>
        <source>client handout as PDF / print it</source>
        <translation>Merkblatt für Klienten als PDF / drucken</translation>
    </message>
    <message>
        <source>Posterior</source>
        <translation>Hinten</translation>
    </message>
    <message>
        <source>Deep</source>
        <translation>Tief</translation>
    </message>
    <message>
        <source>Medial</source>
        <translation>Innen</translation>
    </message>
    <message>
        <source>Lateral</source>
        <translation>Außen</translation>
    </message>
    <message>
        <source>Section</source>
        <translation>Schnitt</translation>
    </message>
    <message>
        <source>Posterior, superficial</source>
        <translation>Hinten, oberflächlich</translation>
    </message>
    <message>
        <source>Posterior, deep</source>
        <translation>Hinten, tief</translation>
    </message>
    <message>
        <source>Cross-section at mid-thigh</source>
        <translation>Querschnitt durch die Oberschenkelmitte</translation>
    </message>
    <message>
        <source>Point at the plate to name a structure; click to read about it.</source>
        <translation>Zeigen Sie auf die Tafel, um eine Struktur zu benennen; klicken Sie, um mehr darüber zu lesen.</translation>
    </message>
    <message>
        <source>Nothing you change is saved: {folder} is read-only</source>
        <translation>Ihre Änderungen werden nicht gespeichert: {folder} ist schreibgeschützt</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;Navigate</source>
        <translation>&amp;Navigieren</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>&amp;Referred pain</source>
        <translation>Übertragener &amp;Schmerz</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>&amp;Back</source>
        <translation>&amp;Zurück</translation>
    </message>
    <message>
        <source>&amp;Forward</source>
        <translation>&amp;Vor</translation>
    </message>
    <message>
        <source>Zoom &amp;in</source>
        <translation>&amp;Vergrößern</translation>
    </message>
    <message>
        <source>Zoom &amp;out</source>
        <translation>Verkleine&amp;rn</translation>
    </message>
    <message>
        <source>&amp;Fit plate</source>
        <translation>Tafel ein&amp;passen</translation>
    </message>
    <message>
        <source>&amp;Bones</source>
        <translation>&amp;Knochen</translation>
    </message>
    <message>
        <source>&amp;Neighbouring muscles</source>
        <translation>Nachbar&amp;muskeln</translation>
    </message>
    <message>
        <source>&amp;Vessels</source>
        <translation>&amp;Gefäße</translation>
    </message>
    <message>
        <source>N&amp;erves</source>
        <translation>N&amp;erven</translation>
    </message>
    <message>
        <source>&amp;Labels</source>
        <translation>&amp;Beschriftungen</translation>
    </message>
    <message>
        <source>Show &amp;all</source>
        <translation>&amp;Alle zeigen</translation>
    </message>
    <message>
        <source>Show &amp;none</source>
        <translation>&amp;Keine zeigen</translation>
    </message>
    <message>
        <source>Main</source>
        <translation>Haupt</translation>
    </message>
    <message>
        <source>Plates</source>
        <translation>Tafeln</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>&amp;Einstellungen…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;Clear selection</source>
        <translation>Auswahl &amp;aufheben</translation>
    </message>
    <message>
        <source>Focus &amp;plate / panel</source>
        <translation>Fokus &amp;Tafel / Seitenleiste</translation>
    </message>
    <message>
        <source>&amp;Hamstrings</source>
        <translation>&amp;Kniebeuger</translation>
    </message>
    <message>
        <source>&amp;Plate</source>
        <translation>&amp;Tafel</translation>
    </message>
    <message>
        <source>By &amp;muscle</source>
        <translation>Nach &amp;Muskel</translation>
    </message>
    <message>
        <source>By &amp;trigger point</source>
        <translation>Nach &amp;Triggerpunkt</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>&amp;Tastenkürzel</translation>
    </message>
    <message>
        <source>&amp;About Hamstring Viewer</source>
        <translation>Ü&amp;ber Hamstring Viewer</translation>
    </message>
    <message>
        <source>An offline atlas of the back of the thigh: the hamstrings, their neighbours, trigger points and referred pain. Content is written in our own words from the sources below and checked against established anatomy; every correction is recorded in the panel.</source>
        <translation>Ein Offline-Atlas der Oberschenkelrückseite: die Kniebeuger (ischiokrurale Muskulatur), ihre Nachbarn, Triggerpunkte und übertragener Schmerz. Die Inhalte sind in eigenen Worten nach den unten genannten Quellen verfasst und mit der gesicherten Anatomie abgeglichen; jede Korrektur ist in der Seitenleiste vermerkt.</translation>
    </message>
    <message>
        <source>Not a diagnosis: see a professional for numbness, weakness, pain at night or after an injury.</source>
        <translation>Keine Diagnose: Wenden Sie sich bei Taubheit, Schwäche, nächtlichen Schmerzen oder nach einer Verletzung an eine Fachperson.</translation>
    </message>
    <message>
        <source>Licence of the code: MIT (see LICENSE). The plates keep their own licence (CC BY-SA 2.1 Japan, above).</source>
        <translation>Lizenz des Codes: MIT (siehe LICENSE). Die Tafeln behalten ihre eigene Lizenz (CC BY-SA 2.1 Japan, siehe oben).</translation>
    </message>
    <message>
        <source>Sources</source>
        <translation>Quellen</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Tastenkürzel</translation>
    </message>
    <message>
        <source>About Hamstring Viewer</source>
        <translation>Über Hamstring Viewer</translation>
    </message>
    <message>
        <source>{name} is not shown in this view (shown in: {views}).</source>
        <translation>{name} ist in dieser Ansicht nicht zu sehen (zu sehen in: {views}).</translation>
    </message>
</context>
</TS>
