/**
 * General world knowledge for topics: each country with its demonyms, its capital and the
 * seat-of-power names newsrooms use for its government. Nothing here is about any one corpus.
 */

/** A country as topics see it: the canonical name first, then every alias. */
export interface Place {
  name: string;
  aliases: string[];
}

// name | demonyms | capital | metonyms  (comma-separated within a field)
const TABLE = `
Afghanistan|Afghan,Afghans|Kabul|
Albania|Albanian,Albanians|Tirana|
Algeria|Algerian,Algerians|Algiers|
Argentina|Argentine,Argentinian,Argentines|Buenos Aires|Casa Rosada
Armenia|Armenian,Armenians|Yerevan|
Australia|Australian,Australians|Canberra|
Austria|Austrian,Austrians|Vienna|
Azerbaijan|Azerbaijani,Azerbaijanis,Azeri,Azeris|Baku|
Bahrain|Bahraini,Bahrainis|Manama|
Bangladesh|Bangladeshi,Bangladeshis|Dhaka|
Belarus|Belarusian,Belarusians|Minsk|
Belgium|Belgian,Belgians|Brussels|
Bolivia|Bolivian,Bolivians|La Paz|
Bosnia|Bosnian,Bosnians|Sarajevo|
Brazil|Brazilian,Brazilians|Brasilia|
Bulgaria|Bulgarian,Bulgarians|Sofia|
Canada|Canadian,Canadians|Ottawa|
Chile|Chilean,Chileans|Santiago|
China|Chinese|Beijing|Zhongnanhai
Colombia|Colombian,Colombians|Bogota|
Croatia|Croatian,Croatians,Croat,Croats|Zagreb|
Cuba|Cuban,Cubans|Havana|
Cyprus|Cypriot,Cypriots|Nicosia|
Czech Republic|Czech,Czechs,Czechia|Prague|
Denmark|Danish,Dane,Danes|Copenhagen|
Ecuador|Ecuadorian,Ecuadorians|Quito|
Egypt|Egyptian,Egyptians|Cairo|
Estonia|Estonian,Estonians|Tallinn|
Ethiopia|Ethiopian,Ethiopians|Addis Ababa|
Finland|Finnish,Finn,Finns|Helsinki|
France|French|Paris|Elysee,Élysée
Georgia|Georgian,Georgians|Tbilisi|
Germany|German,Germans|Berlin|Bundestag
Greece|Greek,Greeks|Athens|
Hungary|Hungarian,Hungarians|Budapest|
India|Indian,Indians|New Delhi|
Indonesia|Indonesian,Indonesians|Jakarta|
Iran|Iranian,Iranians|Tehran|
Iraq|Iraqi,Iraqis|Baghdad|
Ireland|Irish|Dublin|
Israel|Israeli,Israelis|Jerusalem|Knesset
Italy|Italian,Italians|Rome|
Japan|Japanese|Tokyo|
Jordan|Jordanian,Jordanians|Amman|
Kazakhstan|Kazakh,Kazakhs,Kazakhstani|Astana|
Kenya|Kenyan,Kenyans|Nairobi|
Kuwait|Kuwaiti,Kuwaitis|Kuwait City|
Kyrgyzstan|Kyrgyz|Bishkek|
Latvia|Latvian,Latvians|Riga|
Lebanon|Lebanese|Beirut|
Libya|Libyan,Libyans|Tripoli|
Lithuania|Lithuanian,Lithuanians|Vilnius|
Malaysia|Malaysian,Malaysians|Kuala Lumpur|
Mexico|Mexican,Mexicans|Mexico City|
Moldova|Moldovan,Moldovans|Chisinau|
Morocco|Moroccan,Moroccans|Rabat|
Netherlands|Dutch|Amsterdam|The Hague
New Zealand|New Zealander,New Zealanders|Wellington|
Nigeria|Nigerian,Nigerians|Abuja|
North Korea|North Korean,North Koreans|Pyongyang|
Norway|Norwegian,Norwegians|Oslo|
Pakistan|Pakistani,Pakistanis|Islamabad|
Peru|Peruvian,Peruvians|Lima|
Philippines|Philippine,Filipino,Filipinos|Manila|
Poland|Polish,Pole,Poles|Warsaw|
Portugal|Portuguese|Lisbon|
Qatar|Qatari,Qataris|Doha|
Romania|Romanian,Romanians|Bucharest|
Russia|Russian,Russians|Moscow|Kremlin
Saudi Arabia|Saudi,Saudis|Riyadh|
Serbia|Serbian,Serbians,Serb,Serbs|Belgrade|
Singapore|Singaporean,Singaporeans||
Slovakia|Slovak,Slovaks|Bratislava|
Slovenia|Slovenian,Slovenians,Slovene|Ljubljana|
South Africa|South African,South Africans|Pretoria|
South Korea|South Korean,South Koreans|Seoul|
Spain|Spanish,Spaniard,Spaniards|Madrid|
Sri Lanka|Sri Lankan,Sri Lankans|Colombo|
Sudan|Sudanese|Khartoum|
Sweden|Swedish,Swede,Swedes|Stockholm|
Switzerland|Swiss|Bern|
Syria|Syrian,Syrians|Damascus|
Taiwan|Taiwanese|Taipei|
Tajikistan|Tajik,Tajiks|Dushanbe|
Thailand|Thai,Thais|Bangkok|
Tunisia|Tunisian,Tunisians|Tunis|
Turkey|Turkish,Turk,Turks,Türkiye|Ankara|
Turkmenistan|Turkmen|Ashgabat|
Ukraine|Ukrainian,Ukrainians|Kyiv,Kiev|
United Arab Emirates|Emirati,Emiratis,UAE|Abu Dhabi|
United Kingdom|British,Briton,Britons,Britain,UK|London|Downing Street,Whitehall
United States|American,Americans,US,U.S.,USA|Washington|White House,Pentagon
Uzbekistan|Uzbek,Uzbeks|Tashkent|
Venezuela|Venezuelan,Venezuelans|Caracas|
Vietnam|Vietnamese|Hanoi|
Yemen|Yemeni,Yemenis|Sanaa|
`;

/** Every country with its aliases (name, demonyms, capital, seat of power). */
export const PLACES: readonly Place[] = TABLE.trim()
  .split('\n')
  .map((line) => {
    const [name, demonyms, capital, seats] = line.split('|');
    const aliases = [name!, ...[demonyms, capital, seats].flatMap((f) => (f ?? '').split(','))]
      .map((a) => a.trim())
      .filter(Boolean);
    return { name: name!, aliases: [...new Set(aliases)] };
  });

const byAlias = new Map<string, Place>();
for (const place of PLACES) for (const alias of place.aliases) byAlias.set(alias.toLowerCase(), place);

/** The country a word or name stands for ("moscow" → Russia), if any. */
export function placeFor(word: string): Place | undefined {
  return byAlias.get(word.trim().toLowerCase().replace(/[’']s$/, ''));
}
