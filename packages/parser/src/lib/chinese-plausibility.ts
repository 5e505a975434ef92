/**
 * Scoring of decoded text by how much it looks like Chinese, used to choose between the GB18030 and
 * Big5 readings of a file (see `decode.ts`).
 */

/**
 * How much `text` looks like Chinese: the average, over non-ASCII characters (plus control
 * characters), of these weights:
 *
 *   +1    one of the 500 most frequent characters, in Simplified or Traditional form (`COMMON_HAN`)
 *   +0.5  one of the next 500 (`FREQUENT_HAN`): short texts need them to clear the floor
 *   +0.5  CJK or general punctuation, full-width forms (。，、“”（）…)
 *    0    other CJK Unified Ideographs, Latin-1 and technical symbols (℃ × ① ≤): plausible, uninformative
 *   −0.5  other scripts (accented Latin, Greek, Cyrillic, kana, Hangul, box drawing): rare in reports,
 *         common in misreadings
 *   −1    CJK Extension A/B+ and compatibility ideographs: real but rare; wrong readings are full of them
 *   −3    private-use characters (Big5 punctuation read as GB18030 lands there) and control characters
 *   −5    U+FFFD, a byte sequence invalid in this encoding
 */
export function plausibility(text: string): number {
  let total = 0;
  let score = 0;
  for (const ch of text) {
    const cp = ch.codePointAt(0) ?? 0;
    if (cp < 0x80 && !isControl(cp)) continue;
    total++;
    score += characterWeight(ch, cp);
  }
  return total === 0 ? 0 : score / total;
}

function characterWeight(ch: string, cp: number): number {
  if (COMMON_HAN.has(ch)) return 1;
  if (FREQUENT_HAN.has(ch)) return 0.5;
  if (isControl(cp) || (cp >= 0x80 && cp <= 0x9f)) return -3;
  if (cp === 0xfffd) return -5;
  if ((cp >= 0x3000 && cp <= 0x303f) || (cp >= 0x2010 && cp <= 0x206f) || (cp >= 0xff00 && cp <= 0xffef)) return 0.5;
  if (cp >= 0x4e00 && cp <= 0x9fff) return 0;
  if (cp >= 0xa0 && cp <= 0xbf) return 0;
  if (cp === 0xd7 || cp === 0xf7 || (cp >= 0x2100 && cp <= 0x27bf)) return 0;
  if ((cp >= 0xe000 && cp <= 0xf8ff) || cp >= 0xf0000) return -3;
  if ((cp >= 0x3400 && cp <= 0x4dbf) || (cp >= 0xf900 && cp <= 0xfaff) || cp >= 0x20000) return -1;
  return -0.5;
}

function isControl(cp: number): boolean {
  return cp < 0x20 && cp !== 0x09 && cp !== 0x0a && cp !== 0x0c && cp !== 0x0d;
}

/**
 * The 500 most frequent characters of modern written Chinese, Simplified, in approximately the order
 * of Jun Da's character frequency list (only membership matters here, not exact rank), then the
 * Traditional forms of those that differ: OpenCC's t, tw and hk forms together, so both 爲 and 為,
 * 裏 and 裡, as Big5 files use either.
 */
const COMMON_HAN: ReadonlySet<string> = new Set(
  [
    '的一是不了在人有我他这个们中来上大为和国地到以说时要就出会可也你对生能而子那得于着下自之年过发后作里',
    '用道行所然家种事成方多经么去法学如都同现当没动面起看定天分还进好小部其些主样理心她本前开但因只从想实',
    '日军者意无力它与长把机十民第公此已工使情明性知全三又关点正业外将两高间由问很最重并物手应战向头文体政',
    '美相见被利什二等产或新己制身果加西斯月话合回特代内信表化老给世位次度门任常先海通教儿原东声提立及比员',
    '解水名真论处走义各入几口认条平系气题活尔更别打女变四神总何电数安少报才结反受目太量再感建务做接必场件',
    '计管期市直德资命山金指克许统区保至队形社便空决治展马科司五基眼书非则听白却界达光放强即像难且权思王象',
    '完设式色路记南品住告类求据程北边死张该交规万取拉格望觉术领共确传师观清今切院让识候带导争运笑飞风步改',
    '收根干造言联持组每济车亲极林服快办议往元英士证近失转夫令准布始怎呢存未远叫台单影具罗字爱击流备兵连调',
    '深商算质团集百需价花党华城石级整府离况亚请技际约示复病息究线似官火断精满支视消越器容照须九增研写称企',
    '八功吗包片史委乎查轻易早曾除农找装广显吧阿李标谈吃图念六引历首医局突专费号尽另周较注语仅考落青随选列',
    '這個們來爲國說時會對於過發後裏種經麼學現當沒動還進樣開從實軍無與長機關點業將兩間問並應戰頭體見產話內',
    '給門兒東聲員論處義幾認條氣題爾別變總電數報結務場計資許統區隊決馬書則聽卻達強難權設記類據邊張該規萬覺',
    '術領確傳師觀讓識帶導爭運飛風幹聯組濟車親極辦議證轉準遠臺單羅愛擊備連調質團價黨華級離況亞請際約復線斷',
    '滿視須寫稱嗎輕農裝廣顯標談圖歷醫專費號盡較語僅隨選為著裡説',
  ].join(''),
);

/** Ranks 501–1000 of the same list, with their Traditional forms. */
const FREQUENT_HAN: ReadonlySet<string> = new Set(
  [
    '武红响虽推势参希古众构房半节土投某案黑维革划敌致陈律足态护七兴派孩验责营星够章音跟志底站严巴例防族供',
    '效续施留讲型料终答紧黄绝奇察母京段依批群项故按河米围江织害斗双境客纪采举杀攻父苏密低朝友诉止细愿千值',
    '仍男钱破网热助倒育属坐帝限船脸职速刻乐否刚威毛状率甚独球般普怕弹校苦创假久错承印晚兰试股拿脑预谁益阳',
    '若哪微尼继送急血惊伤素药适波夜省初喜卫源食险待述陆习置居劳财环排福纳欢雷警获模充负云停木游龙树疑层冷',
    '洲冲射略范竟句室异激汉村哈策演简卡罪判担州静退既衣您宗积余痛检差富灵协角占配征修皮挥胜降阶审沉坚善妈',
    '刘读啊超免压银买皇养伊怀执副乱抗犯追帮宣佛岁航优怪香著田铁控税左右份穿艺背阵草脚概恶块顿敢守酒岛托央',
    '户烈洋哥索胡款靠评版宝座释景顾弟登货互付伯慢欧换闻危忙核暗姐介坏讨丽良序升监临亮露永呼味野架域沙掉括',
    '舰鱼杂误湾吉减编楚肯测败屋跑梦散温困剑渐封救贵枪缺楼县尚毫移娘朋画班智亦耳恩短掌恐遗固席松秘谢鲁遇康',
    '虑幸均销钟诗藏赶剧票损忽巨炮旧端探湖录叶春乡附吸予礼港雨呀板庭妇归睛饭额含顺输摇招婚脱补谓督毒油疗旅',
    '泽材灭逐莫笔亡鲜词圣择寻厂睡博勒烟授诺伦岸奥唐卖俄炸载洛健堂旁宫喝借君禁阴园谋宋避抓荣姑孙逃牙束跳顶',
    '紅響雖勢參衆構節維劃敵陳態護興驗責營夠嚴續講終緊黃絕羣項圍織鬥雙紀採舉殺蘇訴細願錢網熱屬臉職樂剛狀獨',
    '彈創錯蘭試腦預誰陽繼驚傷藥適衛險陸習勞財環納歡獲負雲龍樹層衝範異漢簡擔靜積餘檢靈協佔徵揮勝階審堅媽劉',
    '讀壓銀買養懷執亂幫歲優鐵稅藝陣腳惡塊頓島戶評寶釋顧貨歐換聞壞討麗監臨艦魚雜誤灣減編測敗夢溫劍漸貴槍樓',
    '縣畫遺祕謝魯慮銷鍾詩趕劇損舊錄葉鄉禮婦歸飯額順輸搖脫補謂療澤滅筆鮮詞聖擇尋廠煙諾倫奧賣載宮陰園謀榮孫',
    '頂眾衞',
  ].join(''),
);
