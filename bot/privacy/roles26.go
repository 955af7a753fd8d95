package privacy

// Round 26 (priv26): the workers, interpreters and drivers a record of
// questions names (拖拉机手那仁陈述, 经翻译马文才宣读, 帮工热合曼送货): after
// them the span up to what follows a name is the person's name whatever
// its words, as after 司机 (strong.go).
var strongRoles26 = []string{"保安员", "保安", "翻译", "拖拉机手", "挖机手", "铲车司机", "货车司机", "包工头", "帮工"}
