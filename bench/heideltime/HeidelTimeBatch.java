// Runs HeidelTime (the TempEval-3 winner, as the peer of bench/tempeval.py) over many documents in one JVM,
// so its start-up is paid once. Reads lines "input<TAB>dct(YYYY-MM-DD)<TAB>output" on stdin and writes
// HeidelTime's TimeML for each input to its output path. Compiled and run by bench/heideltime_peer.py.
import de.unihd.dbs.heideltime.standalone.DocumentType;
import de.unihd.dbs.heideltime.standalone.HeidelTimeStandalone;
import de.unihd.dbs.heideltime.standalone.OutputType;
import de.unihd.dbs.heideltime.standalone.POSTagger;
import de.unihd.dbs.uima.annotator.heideltime.resources.Language;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.text.SimpleDateFormat;
import java.util.Date;

public class HeidelTimeBatch {
    public static void main(String[] args) throws Exception {
        HeidelTimeStandalone tagger = new HeidelTimeStandalone(
            Language.ENGLISH, DocumentType.NEWS, OutputType.TIMEML, args[0], POSTagger.TREETAGGER);
        SimpleDateFormat day = new SimpleDateFormat("yyyy-MM-dd");
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        String line;
        while ((line = in.readLine()) != null) {
            String[] f = line.split("\t");
            String text = new String(Files.readAllBytes(Paths.get(f[0])), StandardCharsets.UTF_8);
            Date dct = day.parse(f[1]);
            String out = tagger.process(text, dct);
            Files.write(Paths.get(f[2]), out.getBytes(StandardCharsets.UTF_8));
        }
    }
}
