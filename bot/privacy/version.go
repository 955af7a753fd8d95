package privacy

// Version names the anonymizer's rules. Change it with every change that
// can anonymize a text differently: what callers stored anonymized under
// another version (bot/explain's anonymized decisions) is then made again.
const Version = "2026-12-02.priv14.p15.p16.p17.p18.p19.dec2.p20.p21.lead10.p22.lead11.p23.p24.p25.p26.p27.p28.p29.p30.p31.p32"
