// Package privacy removes personal data from texts that leave the bureau
// (法释〔2016〕19号 第9–10条; DOMAIN.md §5): 以案说法 prompts and drafts, and
// whole judgments (判决书, 复议决定书) anonymized for reuse.
//
// # Use
//
// One Anonymizer serves one document or one draft, so that a person keeps
// one pseudonym throughout:
//
//	a := privacy.NewAnonymizerWith(opts, namesFromTheCaseStore...) // or NewAnonymizer(names...)
//	a.AddOfficials(handler, head)        // masked unless opts.KeepOfficials
//	a.Prepare(judgment)                  // registers everyone the text introduces
//	out, err := a.Clean(judgment)        // anonymize, check, refuse if it still leaks
//	var leak *privacy.LeakError          // err names the kinds of data, never the data
//
// Prepare finds the people a text introduces by itself — in the 当事人
// section (原告张某某，男，…；委托诉讼代理人…), in 经审理查明, in witness and
// third-party statements, contracts and land boundaries — so a caller
// passes only what it knows besides (the parties the case store holds).
// Prepare every text of a case before anonymizing the first, so that
// numbering covers them all. Anonymize replaces without checking; Leaks
// lists what a text still holds; Pseudonym gives one name's replacement;
// Entities lists who was found (it holds the names: show it only to those
// who may see them). Anonymize(text, names...) is the one-off form
// `casebot anonymize` uses. MaskName applies the 隐名 rule to one name.
//
// # What is removed
//
// Natural persons become their surname and 某 (张某; 欧阳某; 山田某; 阿某 for
// 阿依古丽·买买提; J某 for John Smith); people who would mask alike are told
// apart as courts do, 张某甲 and 张某乙 (Options.Numbering: Digits gives 张某1,
// 张某2). ID, phone (also foreign), bank account, plate, vehicle
// identification, vessel, property certificate, e-mail, WeChat, QQ,
// passport and travel-permit numbers, marriage certificate serials, the
// numbers that file one person after their record's label (住院号, 门诊号,
// 社保个人编号, 注册号, 档案编号, 不动产单元号, 宗地代码, 执法证号, 学籍号),
// account names with letters, IP and MAC addresses, and addresses below
// the county become ×××. Agencies, courts, companies, statutes, case
// numbers, dates, amounts and every organisation's credit code stay, an
// individual business's (class 92) too: it is the business's published
// registration code (priv20; its keeper's name goes as any person's).
//
// # How names are found
//
// Two ways, and a span either finds is a name unless a guard says it is
// something else.
//
// By default: every run of Chinese characters is cut along the best path
// of the jieba unigram model (segment.go), where a surname and one or two
// given characters may also be one token, weighed by a name model (the
// share of name tokens, the surname's share of people, the given name's
// probability). A surname-led span the dictionary cannot explain better
// as words is a name (张/建国 is a poorer reading of 张建国 than one name;
// 高峰 stays a word). The burden of proof is inverted: such a span is a
// name unless a guard explains it (unexplained.go): the start of a place
// or an organisation (王家坝, 金华镇), a family's place or thing (陈家老屋),
// a measure word (一张), a statute's title, a masked name (冉某), a form of
// address or a nickname (陈姐, 老张), a shop, a brand or a quoted trade
// name before what it names (李宁专卖店, “周大福”门店), 某氏 (曹氏烧饼), a
// span after an adverb (已付清), a preposition inside a clause (于庭后,
// 松树和杨梅苗), the next item of a list of things (黄金、白银), a given
// character seen almost only in words (孙辈均).
//
// By evidence, for the names that are also words: a role word or a label
// before a span (also the agent nouns the dictionary makes: 送达人, 记录员,
// 领取人为…), 男/女, an honorific, a title or a role in brackets after it,
// a list with another name (宣某、平凡、惠民三名村民), a clause start (after
// punctuation, a date, a numbered item or an opening word) before what a
// person is or does (经查，简某系…; 向某与原告系…), the person a decision's
// title is about (《关于给予车某行政拘留的决定》), a land boundary before
// what someone owns. After a strong person marker (strong.go: 男方, 职工,
// 死者, 见证人, 经营者, 工作人员, every kin word, list headings before a
// colon) a surname, also a rare one, and one or two characters up to what
// follows a name are a name whatever the words, and every item of a list
// after it is a person; so are the subject of a speech verb (称, 说, 签收,
// 证实, 交来) and the person of 与…办理, 对…说, 见过…, Cyrillic names,
// vocatives opening a quote and names in table cells. Inside a sentence both sides are weighed: what stands
// before the span (a verb that takes a person, 通知/告知/转让给; a party and
// a conjunction, 原告与; a preposition, 对/向/由/据) and what follows it
// (what only a person has or does, 的证言/名下/不服/称; a deed or an
// adverb and a deed). A word is read as a name there when it is a noun, a
// place, a number or an adjective (never a verb, an adverb or a function
// word: 被告查明, 原告曾经, 被告严格…) whose second character names people
// at least as often as things (原告方面 and 被告印章 stay). The dictionary
// (a compact part of the jieba dictionary with parts of speech, generated
// by internal/gendict and loaded on first use) and its model of
// given-name characters (芳, 秀 far likelier in names than in words; 的,
// 证 far less) decide both ways. Signature blocks written spaced out
// (审　判　员　凤　雪) are read as one name. Names of both parents'
// surnames (张李子涵), the old names of married women (黄李氏), Dai names
// (岩…) and a relation's word carrying the family's surname (其子简明
// where 简某华 is named) are read too. Every replacement is made at
// the position found, never by replacing a string everywhere; a name
// found once is replaced wherever it stands for the person, but a name
// that is also a word (高山, a given name 建设) only where the words around
// it say a person.
//
// Names the dictionary hides (wordnames.go): a surname no word starts
// with (亓, 冼, 禤) starts a name wherever it stands (亓建设协议互换…); a
// given name written without its surname is read after a kin word (之女小满
// 代为签收), in frames only a person fills (由X代为签收, X是我堂弟, 原告与X签订,
// the answer to 谁, the next clause's 也) and in a spaced table cell before
// 男/女. Cities the dictionary lacks or tags as names (places.go), goods and
// dishes after a brand, lists of things to their end and inventory rows
// are guards of the default.
//
// Names the syntax proves (proved.go): a party's role word and what only a
// person does right after it (证人时凤英称, 原告刘成功诉称, 第三人于洋未到庭)
// make a span a name whatever word it is and whatever surname of the
// census it has, also one whose character is an everyday one (代, 过, 才,
// 占: positionSurnames, read elsewhere only where the three characters
// read as a name); a list a proved name opens proves its other items;
// 由X驾驶, X与Y签订 at a clause's start, an answer's subject in a record
// of questions and a finding's subject (经查，X于…) are frames only people
// fill. Herbs, goods and old shops that start with a surname (thingWords)
// stay.
//
// Strong labels (labels.go): after a strong role word or form label the
// span up to the next delimiter is a person whatever its surname or word
// (经办人：操文化), unless it is an organisation, masked text, a
// placeholder (同上, 不详) or a role word; so are the unspaced name after a
// signature title's gap, the name before a statement's closing date, a
// notice's addressee before its colon and a name before its ethnicity.
//
// The second opinion (vote.go) does not ask what word a span is but what
// the sentence does with it and how likely its characters are as a given
// name: a clause's subject before a person's deed, lists of one surname or
// closed by what says people, role-marked lists and the span between two
// parties. Its proposals run before the guards, which veto them; where the
// name table contradicts a name the rules read from a clause's frame alone,
// the word stays. A name the text proves (role word, 男/女) is masked
// wherever a deed follows it. Organisations (orgs.go): a surname-led span
// running into a shop's or firm's ending, or 氏/记 after the surname, is
// the organisation unless a role word says a person.
//
// Names without a surname (minority.go): a single Tibetan, Mongolian or
// Uyghur name part in a name's position (a clause's start or a title
// before a person's deed, a list with another part or name), a compound
// surname or an era's given name (建设, 和平) before a person's deed.
// Reserved words hold a name part or a surname but name a place, a title
// or a thing (乌兰察布, 嘎查长, 第五条, 杜康酒, herbs in a prescription);
// no pass reads a name across one, and a name masked elsewhere is not
// found again inside one. Identifiers in groups after their labels
// (spaced.go): E 1234 5678, 561 208 437; an office line stays.
// Surnames whose character starts common words (能, 资, 籍, 暴) count only
// where they start no word (surnameAt); banners, brands and capital-numeral
// amounts are reserved like the place words.
//
// Positions only a person stands in (positions.go): the object of a verb
// of meeting or finding that the sentence refers back to as a person, the
// first of a couple (X与其妻Y), an item of a list written in parallel with
// a name, the unknown items of a 、-list whose known items are names; and
// a signature line's signer (names.go signedLines).
//
// Records of speech (positions.go speechAfterColon): after a party's or
// the court's colon (原告：, 审判长：) what follows is a turn of speech unless
// it is closed as a header or a signature closes a name; a role word after
// the colon reads its own name, which the next turn's label (田园：…) then
// repeats. Slots only a person fills (slotNames): after kin words, social
// nouns and posts, a sign-off label's colon, 向X借款, 我和X是邻居, 我跟X说过,
// a numbered list of people, a quoted nickname. A given name read alone
// is its owner's (Anonymizer.registerHits, givenOwner), and a hit cut one
// character short of a longer name read elsewhere is widened.
//
// Tables pasted as text (tables.go) are read by their header row: names
// under a person's column, numbers under an identifier's, addresses under
// 住址; the header cells are reserved. After 位于 and 坐落 a place is a
// place and keeps all but its door number (address.go). Strict (strict.go)
// is the last pass before a model, never before a reader: what is still
// shaped like a name or an identifier is masked.
//
// Round 15: minority names are runs of components from a sourced
// inventory, unknown syllables between known parts included (minority.go
// minorityRun); pastoral places (嘎查, 苏木) and roads (places.go) and
// place-led firms (orgs.go) are no names; traditional characters are read
// as simplified ones (traditional.go, in normalize). Whose place it is
// decides an address: a person's home goes below the county, a household's
// house after 位于 too, an organisation's address stays whole, and a
// business's premises keep their names but a person's door number
// (address.go).
//
// Round 16: sign-off labels and 签名 after a title open a signature slot
// whose every signer is a name (names.go signatures); Yi clan and given
// parts join the inventory, and a Yi name's given part is masked where it
// recurs (minority.go yiGivenAlone); Latin names in context and their
// family names alone (latin.go).
//
// Round 17: a registered given name alone in more positions (anonymize.go
// positionedGiven), every title of a sign-off line (names.go signedLines),
// minority parts alone as a turn's label or before speech (names.go
// minority), Latin family names in any case or written first (latin.go).
//
// Round 19: a word in a role slot before a deed only a person does is a
// name, and the party's attribute before anything else (proved.go
// wordInSlot, slotAttribute); a surname before a post (邹副局长) keeps its
// 某 (titled.go); quoted nicknames without a cue (positions.go nicknames),
// province-numbered enforcement cards, staff numbers and partial plates
// (identifiers.go).
//
// Round 20: a form of address (老马, 小李, 大刘: 老, 小 or 大 and a frequent
// surname) goes as the surname and 某 where the clause says a person — a
// deed or speech after it, a post, a role noun before it, a coordinated
// form — and stays where the characters are a word (老板, 小区, 大刘村,
// 养老金; titled.go addressedSurnames). The rule for titles: a surname
// before a post or an occupation a person is addressed by (卢医生, 马大夫,
// 周护士长) keeps its 某 and the title (卢某医生), as 邹某副局长 does; 律师
// and 老师 are honorifics read with the surname (王律师 → 王某); 王师傅 and
// 陈姐 stay, forms of address many share; a minority name part before a
// post goes whole (朝鲁书记 → 朝某书记). Quoted names after 称其为, 人称,
// 外号, 绰号 and after 称作/称为 where a person is said (positions.go
// nicknames); a given name alone inside a quoted statement after a time
// word or before a group of kin (“当时秀芝就在屋里”, “玉田、玉兰兄妹俩”);
// Latin names after 为/是 following a person's noun, opening a list of
// those present, alone at a clause's start before what a person says, and
// their Chinese rendering after 中文名/译名 (latin.go). A registered name
// stops before an organisation's or a park's suffix (金霞律师事务所,
// 金霞物流园). A person's address masked after its marker goes wherever the
// text names it again (anonymize.go knownAddresses). Personal account,
// fund and insurance numbers, a quoted certificate's number, office-
// prefixed cards (闽卫监0582-117) and quoted partial plates go
// (identifiers.go).
//
// Round 22: a posted item's tracking number (运单号, 快递单号, EMS (单号…),
// 挂号信编号, a UPU number EA…CN) and a 死亡医学证明（推断）书's number go
// (identifiers.go); a transliterated family name before 先生/女士/夫人 is a
// name (vote.go voteTranslitTitled); a quoted nickname glossed by a name
// after it (“波哥”（即第三人骆明波）, “芳姐”即…) goes with the name, as do
// X哥/X姐 nicknames after 所称 (positions.go glossedName); a given name
// after 我家 in a quoted speech, a quoted given name the sentence calls a
// name, and a proved list's last item written as a given name alone
// (原告夏雨、冬梅系夫妻关系); a shop named after a keeper its sentence names
// (王记烧烤, 老周麻辣烫, 小红理发店) takes the keeper's pseudonym (shops.go).
// Clean's strict retry reads a word-name written whole only where it
// stands alone, so a leak elsewhere no longer spreads 黎明 to 黎明时分.
//
// Round 23: a name never ends in a function character (names.go
// trimNameTail: 旦增尼玛不在家 once came out 旦某在家), and a word of two
// characters ending in a negation (尚未) is no name; a quoted nickname
// whose bracket holds a pseudonym (“老牛”（牛某）) and one after 称原告为
// go (positions.go); Japanese family names before 先生/女士 (vote.go); the
// parts of three characters of a dotted name registered (约翰逊 of
// 罗伯特·约翰逊) wherever they stand (anonymize.go dottedParts); a Yi clan
// after a role word lifts the township word inside the name (阿苏木呷);
// Tibetan given names alone (其美); a word-like name in an agent's slot
// before the agent's description (万里); a neighbour named inside a land
// boundary before what they own; a 记/氏 firm whose keeper one prepared
// text names is the keeper's in every text (shops.go); a practitioner's
// number after 编号 and a collective land certificate go, a device's
// certificate stays (identifiers.go thingCertificate).
//
// Round 24: a full name before the occupation a person is addressed by
// (车建明教授, 向志远律师, 管红梅会计) and before a post whose unit is
// masked already (覃志强某支队长 → 覃某某支队长; occupations.go); a given
// name before the household it heads (德富家的承包地, 到建忠家中) as its
// owner's pseudonym where the text names the owner, else as itself (德某家);
// a shop named by a given name in quotes (“国栋干货行” → “国某干货行”) and a
// firm named by a party's given name (建华公司 of 刘建华); a nickname that is
// an everyday word after a frame calling a person (称其为“猴子”, 绰号为
// “黑子”, 叫他小龙), judgements (“骗子”) aside; quoted Latin names without
// a label (“LI XIAOHONG”, 配偶“Maria Lopez”); a proper noun of
// transliteration before 先生 (摩根先生); a birth certificate's number in
// brackets. Drugs (西布曲明), chains (永辉超市), hills after a boundary
// (东至老鹰岩) and a university's seat (学院路38号) stay.
// Round 25 (p25.go): the serial of a household's certificate in 证字 form
// goes (锡草证字第…号, 川康农证字〔2019〕第…号; a notary's number, whose
// year comes first, stays), and no name is read inside the abbreviation;
// a district or its police branch (吴中区, 吴中分局) and a quoted place
// after 位于 or before 地块 are places; an organ's premises after a house
// number stay whole; court staff right after their title before a
// delimiter or a deed of the proceedings (审判长黄河，书记员常乐担任记录) and
// the lawyers listed after their firm are names whatever the words; the
// given name or the second name part of a registered person, and the parts
// of a Latin name, go alone (健太, 多吉, Kenta), and a sentence alone proves
// a given name by what follows it (丽娟确实分得, 德华本人); an unknown Yi name
// in a boundary or after a village post, 老X家 in a quote, names the
// dictionary holds tagged nr (陈永福), the next item of a name list and a
// keeper's name part inside a business's quoted name are read.
//
// Round 27 (p27.go): names no surname opens are read by their slot, not
// their characters. After a person's role word or a birth rank (证人,
// 审判长, 村民小组长, 老二) a run of two to six characters that stops at
// punctuation, a function character or an ordinary word, whose characters
// are likelier in names than in words, and that a boundary or a person's
// deed closes is a name (证人岩X当庭陈述; 原告诉称, 被告暂扣 stay); a list
// member beside a person, masked or read, is a person too, a whole member
// beating a word inside it; a boundary's 东至X家(的)玉米地 names the
// household's head when X has two to four characters (王家坝, 韦家祠堂
// stay); a quoted 小X after an occupation's noun, 阿X and X哥 (not a
// surname's: 陈姐 stays) before a name's close, a speaker after a time
// clause (进货时X说), 见X一家 and 代X签 are names; these slots run after
// the guards and pass them. A slot's run reads over names other passes cut inside it. A
// place before 籍, a clan's name and a landform (X家坳), a quoted group
// before 组, a pasture's name before 草场, a firm led by a place written
// before its trade name and a word opening with its role word's character
// (证人证言) are no names; a noun running past a word that crosses a
// name's end no longer cuts the name (原告X人身自由赔偿金); a shop's quoted
// name before 店 or its keeper's word is the keeper's whatever its dish.
//
// Round 28 (p28.go): frames that say a person whatever the characters. A
// party introduced with its sex after a role, a bracketed role too
// (上诉人（原审原告）X，男，), holds a name up to the comma even where
// words lie inside it (才让西周); a signing post and spaces (审判员　X) hold
// one of two to four characters that opens with no deed (书记员　宣读… stays);
// a quote the clause declares a person's other name (“X”系原告的小名) or
// what people call a named person (称张某为“X”) is that person; 寨老 is a
// village post; a certificate's serial after its title in
// book-title marks (《自留山证》编号为…字第…号) goes; whom a party is kin
// of (系X之妻) is a person unless a role or a pronoun; a party's own
// boundary (南边是X家的鱼塘) reads as 南至 does; a Latin writing in brackets
// widens the name read inside the run before it (渡边健一（WATANABE…）) and
// one after its label (韩文名CHOI YOUNG HO) goes, the label staying; a
// record's line opened by a name and a colon before first-person speech
// (岩坎：我家…) names its speaker; a kin collective before 及 (X兄弟及Y)
// lists people, not things; a registered person's given name as the
// partner of a joint deed (和建军一起盖的) is that person; a quote before
// 的签名 is who signed; a Kazakh name's 别克 after a role reads over a
// place inside it (塔城别克); a run opening a clause before 在询问中称 (or
// 在调查笔录中陈述…) is the one questioned, a role, an agency or a pronoun
// staying. A court's case number
// after its bracketed year (（2025）甘01行初77号), a quoted brand before 牌,
// a surname named as such (王姓男子), a family's landform (李家渠), a place
// before its industrial park (石岗工业区), a cairn (查干敖包) and an
// agency's short name before 局, 委 or 厅 (文旅局) are no names.
//
// Round 29 (p29.go): a quote of two to four characters set right before a
// name (司机“二楞子”刘海军) is that person's nickname, a paper's title
// (“情况说明”李明已签字) staying; a pseudonym the writer marks with 化名
// (患儿小宇（化名）, 化名“豆豆”) goes as a name, a place's (罗泽市（化名）)
// staying; 应 after a party before the party's duty is the modal (被上诉人
// 应信守承诺), 原告应建国诉称 a name; a place before a public facility (石井
// 停车场, 钟落潭收费站) is no name. An organ's hearing, inquiry or mediation
// room after a house number (…68号州人社局三楼听证室) keeps the address
// whole; 约定位于 reads 位于 as the marker, and a door number after a
// compound's name goes there (金都花园×××); an app's ID in brackets
// (微信（ID：…）, 抖音（ID：…）) goes (identifiers.go). A verb that starts at
// a name's end and leaves the crossing word's last character stranded
// (韦金生出具: 生出 leaves 具) does not cut the name; a minority name
// between 对 and a penalty (对洛桑次仁罚款) is a name, and a name read
// inside a run of known parts widens to the run (次仁旺堆). A name before
// a body part (屈海军额头有血) or a 所 clause of what a person does (的于海燕
// 所驾) is a name, 汪洋头部 and 罗汉头部 staying; a diminutive of three
// characters (“二林子”一方) is a nickname before 一方, 一家 or a frame. After
// 归 or 属于 the owner before 家 or 所有 is a person (归才让家, 归王建国家使用),
// 归 no surname, 韦家, 集体 and 国家 staying.
//
// Round 32 (p32.go), from set Q's misses by the layer that missed them: a
// signature block written inline closes its names at punctuation (审判员
// 石榴红，); a team's members among its officers are its staff (队员雷鸣,
// 协管员长江); a certificate's serial in X字第N号 form after its label goes
// whatever the office's abbreviation (烈士证明书编号为新烈字第…号), a firm's
// licence keeping its number; a registered given part after the party's
// role, before an honorific and after 是 before consent (驳回原告红军的…,
// 德华老人, 是老五同意的), and a registered Japanese family name before a
// title (佐藤老师 → 佐藤某老师); a quoted diminutive after 被 and a deed,
// after a companion's preposition, before 叫什么名字, and after a
// craftsman's noun in 匠 (被“二柱子”拦下, 泥水匠“阿炳”); a surname, 老 and an
// ordinal or a nickname's character (马老五口头, 于老蔫的二儿子); a Yi clan
// after a role up to punctuation (委托代理人阿说拉古，); the home after 住
// right after a name when shaped as a township and a village or the case's
// village and its group (才让多杰住…乡…村二社, 住同村一社); the copula after
// a role word stays outside the name (审核人员为宋某). A place before a
// road's part or a compound (杭徽高速, 於潜互通, 柳叶湖安置小区), a stream
// after 支流 (东柯曲) and a floor alone (万科广场四楼, 临街一层) are no names
// and no homes.
//
// A name that is an everyday word written with nothing around it that says
// a person (童话所受损伤…, a low given-name score and no role word) can
// still be missed: drafts are for human review, and the post-check
// refuses what it recognises afterwards.
package privacy
