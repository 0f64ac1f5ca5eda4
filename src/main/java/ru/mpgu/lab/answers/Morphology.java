package ru.mpgu.lab.answers;

import morfologik.stemming.Dictionary;
import morfologik.stemming.DictionaryLookup;
import morfologik.stemming.WordData;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Russian lemmas and parts of speech from LanguageTool's dictionary (language-ru, AOT-derived, LGPL),
 * read with Morfologik. One shared instance: the dictionary is loaded once (~0.4 s) and lookups are cached.
 */
public final class Morphology {

    private static final String DICT = "/org/languagetool/resource/ru/russian.dict";
    private static volatile Morphology shared;

    private final Dictionary dictionary;
    private final ThreadLocal<DictionaryLookup> lookup;
    private final ConcurrentHashMap<String, Analysis> cache = new ConcurrentHashMap<>();

    /**
     * Lemmas (ё as е) and coarse tags of one word form; empty when the dictionary does not know it.
     *
     * @param imperative one reading is an imperative and every reading a verb («найдите», «посмотрите»; not «при»,
     *                   a preposition first)
     * @param infinitive every reading is an infinitive («измерить»)
     */
    public record Analysis(Set<String> lemmas, boolean verb, boolean noun, boolean known, boolean imperative, boolean infinitive) {

        public Analysis(Set<String> lemmas, boolean verb, boolean noun, boolean known) {
            this(lemmas, verb, noun, known, false, false);
        }
    }

    private Morphology() {
        URL url = Morphology.class.getResource(DICT);
        if (url == null) {
            throw new IllegalStateException("LanguageTool's Russian dictionary is missing from the classpath: " + DICT);
        }
        try {
            dictionary = Dictionary.read(url);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        lookup = ThreadLocal.withInitial(() -> new DictionaryLookup(dictionary));
    }

    public static Morphology shared() {
        Morphology m = shared;
        if (m == null) {
            synchronized (Morphology.class) {
                if (shared == null) {
                    shared = new Morphology();
                }
                m = shared;
            }
        }
        return m;
    }

    /** {@code word} lowercase with ё kept or replaced: both are tried. */
    public Analysis analyze(String word) {
        return cache.computeIfAbsent(word, this::lookupNow);
    }

    private Analysis lookupNow(String word) {
        Set<String> lemmas = new LinkedHashSet<>();
        boolean verb = false;
        boolean noun = false;
        boolean imperative = false;
        int verbs = 0;
        int readings = 0;
        int infinitives = 0;
        for (String form : word.indexOf('е') >= 0 && word.indexOf('ё') < 0 ? new String[]{word, yoVariant(word)} : new String[]{word}) {
            if (form == null) {
                continue;
            }
            for (WordData wd : lookup.get().lookup(form)) {
                String lemma = TextAnalyzer.normalize(String.valueOf(wd.getStem()));
                String tag = wd.getTag() == null ? "" : wd.getTag().toString();
                lemmas.add(lemma);
                // finite verbs, short participles and gerunds say something; infinitives alone are not counted
                if (tag.startsWith("VB:Real") || tag.startsWith("VB:Past") || tag.startsWith("VB:Fut") || tag.startsWith("VB:IMP")
                        || tag.startsWith("VB:DPT") || tag.startsWith("PT:Short") || tag.startsWith("ADJ:Short") || tag.startsWith("PREDIC")) {
                    verb = true;
                }
                if (tag.startsWith("NN")) {
                    noun = true;
                }
                imperative |= tag.startsWith("VB:IMP");
                readings++;
                if (tag.startsWith("VB:")) {
                    verbs++;
                }
                if (tag.startsWith("VB:INF")) {
                    infinitives++;
                }
            }
            if (!lemmas.isEmpty()) {
                break;
            }
        }
        return new Analysis(Set.copyOf(lemmas), verb, noun, !lemmas.isEmpty(), imperative && verbs == readings,
                readings > 0 && infinitives == readings);
    }

    /** The dictionary spells some forms with ё («упёрся»); students rarely do. Only the first е is tried. */
    private static String yoVariant(String word) {
        int i = word.indexOf('е');
        return i < 0 ? null : word.substring(0, i) + 'ё' + word.substring(i + 1);
    }
}
