// The reference reading of the corpus patterns: java.util.regex, as AWS services apply a model's
// `pattern` (`Pattern.matches`, the whole value). Run by `tests/tests/aws_patterns.rs` as
// `java Oracle.java < questions > answers`.
//
// Input, one question per line, text as hexadecimal UTF-8:
//   P <hex>   compile a pattern; answers "C" or "E <reason>"
//   V <hex>   does the whole value match the last pattern? answers "1" or "0", or "T" when
//             Java's backtracking takes more than a second to decide (some patterns backtrack
//             exponentially on near misses), "S" when it overflows its stack
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

public class Oracle {
    /// The value as Java reads it, giving up once the deadline has passed.
    static final class Deadline implements CharSequence {
        final String text;
        final long deadline;
        int calls;

        Deadline(String text, long deadline) {
            this.text = text;
            this.deadline = deadline;
        }

        public char charAt(int index) {
            if ((++calls & 0xFFF) == 0 && System.nanoTime() > deadline) {
                throw new IllegalStateException("timeout");
            }
            return text.charAt(index);
        }

        public int length() {
            return text.length();
        }

        public CharSequence subSequence(int start, int end) {
            return new Deadline(text.substring(start, end), deadline);
        }

        public String toString() {
            return text;
        }
    }

    static String decode(String hex) {
        byte[] bytes = new byte[hex.length() / 2];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) Integer.parseInt(hex.substring(2 * i, 2 * i + 2), 16);
        }
        return new String(bytes, StandardCharsets.UTF_8);
    }

    public static void main(String[] args) throws Exception {
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        BufferedWriter out = new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8));
        Pattern pattern = null;
        String line;
        while ((line = in.readLine()) != null) {
            String text = decode(line.substring(2));
            if (line.charAt(0) == 'P') {
                try {
                    pattern = Pattern.compile(text);
                    out.write("C\n");
                } catch (PatternSyntaxException e) {
                    pattern = null;
                    out.write("E " + e.getDescription().replace('\n', ' ') + "\n");
                }
            } else if (pattern == null) {
                out.write("-\n");
            } else {
                boolean matches;
                try {
                    long deadline = System.nanoTime() + 1_000_000_000L;
                    matches = pattern.matcher(new Deadline(text, deadline)).matches();
                } catch (StackOverflowError e) {
                    out.write("S\n");
                    continue;
                } catch (IllegalStateException e) {
                    out.write("T\n");
                    continue;
                }
                out.write(matches ? "1\n" : "0\n");
            }
        }
        out.flush();
    }
}
