/**
 * PMLR volumes by the conference they are the proceedings of, from PMLR's own records: the list
 * on its site (`_data/proceedings.csv` of mlresearch/mlresearch.github.io, volumes 1 to 43) and
 * each volume's `_config.yml` (its `shortname` and `year`, in the volume's repository
 * mlresearch/v<N>). Owns: these rows. A volume not here is named "PMLR v<N>", never guessed.
 */

/** `[volume, conference, year, where PMLR says so]`. */
type VolumeRow = readonly [volume: number, conference: string, year: number, seen: string];

const SITE_LIST = 'mlresearch.github.io _data/proceedings.csv';
const config = (volume: number) => `mlresearch/v${volume} _config.yml`;
/** Rows of the table issue 18 began (ICML and AISTATS), kept as they were. */
const EARLIER = 'the issue 18 table';

export const PMLR_VOLUME_ROWS: readonly VolumeRow[] = [
  // ICML
  [28, 'ICML', 2013, SITE_LIST],
  [32, 'ICML', 2014, SITE_LIST],
  [37, 'ICML', 2015, SITE_LIST],
  [48, 'ICML', 2016, EARLIER],
  [70, 'ICML', 2017, EARLIER],
  [80, 'ICML', 2018, EARLIER],
  [97, 'ICML', 2019, EARLIER],
  [119, 'ICML', 2020, EARLIER],
  [139, 'ICML', 2021, EARLIER],
  [162, 'ICML', 2022, EARLIER],
  [202, 'ICML', 2023, EARLIER],
  [235, 'ICML', 2024, EARLIER],
  [267, 'ICML', 2025, config(267)],
  // AISTATS
  [2, 'AISTATS', 2007, SITE_LIST],
  [5, 'AISTATS', 2009, SITE_LIST],
  [9, 'AISTATS', 2010, SITE_LIST],
  [15, 'AISTATS', 2011, SITE_LIST],
  [22, 'AISTATS', 2012, SITE_LIST],
  [31, 'AISTATS', 2013, SITE_LIST],
  [33, 'AISTATS', 2014, SITE_LIST],
  [38, 'AISTATS', 2015, SITE_LIST],
  [51, 'AISTATS', 2016, EARLIER],
  [54, 'AISTATS', 2017, EARLIER],
  [84, 'AISTATS', 2018, EARLIER],
  [89, 'AISTATS', 2019, EARLIER],
  [108, 'AISTATS', 2020, EARLIER],
  [130, 'AISTATS', 2021, EARLIER],
  [151, 'AISTATS', 2022, EARLIER],
  [206, 'AISTATS', 2023, EARLIER],
  [238, 'AISTATS', 2024, EARLIER],
  [258, 'AISTATS', 2025, config(258)],
  // COLT
  [19, 'COLT', 2011, SITE_LIST],
  [23, 'COLT', 2012, SITE_LIST],
  [30, 'COLT', 2013, SITE_LIST],
  [35, 'COLT', 2014, SITE_LIST],
  [65, 'COLT', 2017, config(65)],
  [75, 'COLT', 2018, config(75)],
  [99, 'COLT', 2019, config(99)],
  [125, 'COLT', 2020, config(125)],
  [134, 'COLT', 2021, config(134)],
  [178, 'COLT', 2022, config(178)],
  [247, 'COLT', 2024, config(247)],
  // CoRL
  [100, 'CoRL', 2019, config(100)],
  [155, 'CoRL', 2020, config(155)],
  [164, 'CoRL', 2021, config(164)],
  [205, 'CoRL', 2022, config(205)],
  [270, 'CoRL', 2024, config(270)],
  // UAI
  [115, 'UAI', 2019, config(115)],
  [124, 'UAI', 2020, config(124)],
  [161, 'UAI', 2021, config(161)],
  [180, 'UAI', 2022, config(180)],
  [244, 'UAI', 2024, config(244)],
  [286, 'UAI', 2025, config(286)],
  // L4DC
  [120, 'L4DC', 2020, config(120)],
  [144, 'L4DC', 2021, config(144)],
  [168, 'L4DC', 2022, config(168)],
  [211, 'L4DC', 2023, config(211)],
  [242, 'L4DC', 2024, config(242)],
  // MIDL
  [102, 'MIDL', 2019, config(102)],
  [121, 'MIDL', 2020, config(121)],
  [143, 'MIDL', 2021, config(143)],
  [172, 'MIDL', 2022, config(172)],
  [227, 'MIDL', 2023, config(227)],
  [250, 'MIDL', 2024, config(250)],
  // ACML
  [13, 'ACML', 2010, SITE_LIST],
  [20, 'ACML', 2011, SITE_LIST],
  [25, 'ACML', 2012, SITE_LIST],
  [29, 'ACML', 2013, SITE_LIST],
  [39, 'ACML', 2014, SITE_LIST],
  [157, 'ACML', 2021, config(157)],
  [189, 'ACML', 2022, config(189)],
  [222, 'ACML', 2023, config(222)],
  // Held 5-8 December 2024; its record's `year` is 2025, the year it was published.
  [260, 'ACML', 2024, config(260)],
  // CLeaR
  [177, 'CLeaR', 2022, config(177)],
  [213, 'CLeaR', 2023, config(213)],
  // CoLLAs
  [199, 'CoLLAs', 2022, config(199)],
  [232, 'CoLLAs', 2023, config(232)],
  [274, 'CoLLAs', 2024, config(274)],
  // ALT
  [117, 'ALT', 2020, config(117)],
  [132, 'ALT', 2021, config(132)],
  [167, 'ALT', 2022, config(167)],
  [201, 'ALT', 2023, config(201)],
  [237, 'ALT', 2024, config(237)],
];
