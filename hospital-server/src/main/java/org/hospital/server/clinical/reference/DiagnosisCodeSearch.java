package org.hospital.server.clinical.reference;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Search as you type over the ICD-10-CM titles. A query that looks like a code ("e11", "E11.9") lists the codes
 * that start with it; any other query is words, and every word must match a word of the title exactly, as its
 * beginning (the word being typed), or within one typing slip (two for long words). Results rank by how well
 * the words matched, then broader codes first, so "diabetes" shows the categories before their sub-codes.
 *
 * <p>The index is a vocabulary of the distinct title words (about 10,000) with the codes each occurs in:
 * a query word is compared with the vocabulary, not with 25,000 titles.
 */
public final class DiagnosisCodeSearch {

  private static final int EXACT = 3;
  private static final int PREFIX = 2;
  private static final int SLIP = 1;

  private final List<Icd10cmCodes.Code> codes;
  private final String[] vocabulary;
  private final int[][] postings;

  public DiagnosisCodeSearch(Icd10cmCodes book) {
    this.codes = book.all();
    Map<String, List<Integer>> index = new HashMap<>();
    for (int i = 0; i < codes.size(); i++) {
      for (String word : words(codes.get(i).title())) {
        List<Integer> list = index.computeIfAbsent(word, w -> new ArrayList<>());
        if (list.isEmpty() || list.get(list.size() - 1) != i) {
          list.add(i);
        }
      }
    }
    this.vocabulary = index.keySet().toArray(String[]::new);
    this.postings = new int[vocabulary.length][];
    for (int w = 0; w < vocabulary.length; w++) {
      postings[w] = index.get(vocabulary[w]).stream().mapToInt(Integer::intValue).toArray();
    }
  }

  /** At most {@code limit} codes for the query, best first; none for a blank query. */
  public List<Icd10cmCodes.Code> search(String query, int limit) {
    String q = query == null ? "" : query.strip();
    if (q.isEmpty() || limit <= 0) {
      return List.of();
    }
    String bare = q.replace(".", "").toUpperCase(Locale.ROOT);
    if (bare.matches("[A-Z][0-9][0-9A-Z]{0,5}")) {
      return byCodePrefix(bare, limit);
    }
    return byWords(words(q), limit);
  }

  private List<Icd10cmCodes.Code> byCodePrefix(String prefix, int limit) {
    return codes.stream()
        .filter(c -> c.code().startsWith(prefix))
        .sorted(Comparator.comparingInt((Icd10cmCodes.Code c) -> c.code().length()).thenComparing(Icd10cmCodes.Code::code))
        .limit(limit)
        .toList();
  }

  private List<Icd10cmCodes.Code> byWords(List<String> queryWords, int limit) {
    if (queryWords.isEmpty()) {
      return List.of();
    }
    int[] score = null;
    for (String qw : queryWords) {
      int[] wordScore = new int[codes.size()];
      for (int w = 0; w < vocabulary.length; w++) {
        int match = match(qw, vocabulary[w]);
        if (match > 0) {
          for (int code : postings[w]) {
            wordScore[code] = Math.max(wordScore[code], match);
          }
        }
      }
      score = score == null ? wordScore : both(score, wordScore);
    }
    int[] total = score;
    Integer[] hits = java.util.stream.IntStream.range(0, total.length).filter(i -> total[i] > 0).boxed()
        .toArray(Integer[]::new);
    Arrays.sort(hits, Comparator.<Integer>comparingInt(i -> -total[i])
        .thenComparingInt(i -> codes.get(i).code().length())
        .thenComparing(i -> codes.get(i).code()));
    return Arrays.stream(hits).limit(limit).map(codes::get).toList();
  }

  /** A code scores only if every query word matched it; its score is the sum. */
  private static int[] both(int[] a, int[] b) {
    for (int i = 0; i < a.length; i++) {
      a[i] = a[i] > 0 && b[i] > 0 ? a[i] + b[i] : 0;
    }
    return a;
  }

  static int match(String queryWord, String titleWord) {
    if (titleWord.equals(queryWord)) {
      return EXACT;
    }
    if (titleWord.startsWith(queryWord)) {
      return PREFIX;
    }
    int slips = queryWord.length() >= 8 ? 2 : queryWord.length() >= 4 ? 1 : 0;
    if (slips == 0) {
      return 0;
    }
    // the word being typed may be the start of a longer word with a slip in it
    String head = titleWord.length() > queryWord.length() + slips
        ? titleWord.substring(0, queryWord.length()) : titleWord;
    return Typos.withinDistance(queryWord, head, slips) ? SLIP : 0;
  }

  /** Lower-case words without accents; punctuation separates words. */
  static List<String> words(String text) {
    String plain = Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT);
    List<String> words = new ArrayList<>();
    for (String w : plain.split("[^a-z0-9]+")) {
      if (!w.isEmpty()) {
        words.add(w);
      }
    }
    return words;
  }
}
