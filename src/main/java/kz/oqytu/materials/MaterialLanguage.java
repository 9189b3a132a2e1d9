package kz.oqytu.materials;

/** The language a material is written in; many are in both Kazakh and Russian. */
public enum MaterialLanguage {
	KK, RU, KK_RU, EN
}
