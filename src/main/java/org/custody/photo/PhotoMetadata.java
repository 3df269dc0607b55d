package org.custody.photo;

import com.drew.imaging.ImageMetadataReader;
import com.drew.imaging.ImageProcessingException;
import com.drew.lang.GeoLocation;
import com.drew.metadata.Directory;
import com.drew.metadata.Metadata;
import com.drew.metadata.exif.ExifIFD0Directory;
import com.drew.metadata.exif.ExifSubIFDDirectory;
import com.drew.metadata.exif.GpsDirectory;
import com.drew.metadata.iptc.IptcDirectory;
import com.drew.metadata.xmp.XmpDirectory;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Reads capture time, GPS position, camera, software and signs of editing from EXIF, XMP and IPTC with
 * metadata-extractor. Unreadable or contradictory metadata is not a refusal: the picture is evidence
 * whatever its tags say, and a fact that cannot be read is simply absent.
 */
public final class PhotoMetadata {

    private static final DateTimeFormatter EXIF = DateTimeFormatter.ofPattern("yyyy:MM:dd HH:mm:ss", Locale.ROOT);
    private static final Pattern EDITORS = Pattern.compile(
            "(?i)photoshop|lightroom|gimp|snapseed|pixelmator|affinity|paint\\.net|picsart|facetune|canva|luminar|capture one");

    private PhotoMetadata() {}

    public static PhotoFacts read(byte[] bytes) {
        Metadata md;
        try {
            md = ImageMetadataReader.readMetadata(new ByteArrayInputStream(bytes), bytes.length);
        } catch (ImageProcessingException | IOException | RuntimeException e) {
            return PhotoFacts.NONE;
        }
        ExifSubIFDDirectory sub = md.getFirstDirectoryOfType(ExifSubIFDDirectory.class);
        ExifIFD0Directory ifd0 = md.getFirstDirectoryOfType(ExifIFD0Directory.class);
        LocalDateTime taken = time(sub, ExifSubIFDDirectory.TAG_DATETIME_ORIGINAL);
        if (taken == null) taken = time(sub, ExifSubIFDDirectory.TAG_DATETIME_DIGITIZED);
        ZoneOffset offset = offset(sub == null ? null : sub.getString(ExifSubIFDDirectory.TAG_TIME_ZONE_ORIGINAL));
        LocalDateTime modified = time(ifd0, ExifIFD0Directory.TAG_DATETIME);
        if (taken == null) {
            IptcDirectory iptc = md.getFirstDirectoryOfType(IptcDirectory.class);
            if (iptc != null) {
                String d = iptc.getString(IptcDirectory.TAG_DATE_CREATED);
                String t = iptc.getString(IptcDirectory.TAG_TIME_CREATED);
                if (d != null && d.length() == 8) {
                    try {
                        taken = LocalDateTime.of(Integer.parseInt(d.substring(0, 4)), Integer.parseInt(d.substring(4, 6)),
                                Integer.parseInt(d.substring(6, 8)), t != null && t.length() >= 4 ? Integer.parseInt(t.substring(0, 2)) : 0,
                                t != null && t.length() >= 4 ? Integer.parseInt(t.substring(2, 4)) : 0);
                    } catch (RuntimeException ignored) {
                        // an IPTC date that is no date is left out
                    }
                }
            }
        }
        Double lat = null, lon = null;
        GpsDirectory gps = md.getFirstDirectoryOfType(GpsDirectory.class);
        if (gps != null) {
            GeoLocation g = gps.getGeoLocation();
            if (g != null && !g.isZero() && Math.abs(g.getLatitude()) <= 90 && Math.abs(g.getLongitude()) <= 180
                    && Double.isFinite(g.getLatitude()) && Double.isFinite(g.getLongitude())) {
                lat = g.getLatitude();
                lon = g.getLongitude();
            }
        }
        String camera = null, software = null;
        if (ifd0 != null) {
            String make = clean(ifd0.getString(ExifIFD0Directory.TAG_MAKE));
            String model = clean(ifd0.getString(ExifIFD0Directory.TAG_MODEL));
            if (model != null && make != null && model.toLowerCase(Locale.ROOT).startsWith(make.toLowerCase(Locale.ROOT))) make = null;
            camera = make == null ? model : model == null ? make : make + " " + model;
            software = clean(ifd0.getString(ExifIFD0Directory.TAG_SOFTWARE));
        }
        List<String> edits = new ArrayList<>();
        if (software != null && EDITORS.matcher(software).find()) edits.add("written by editing software: " + software);
        if (taken != null && modified != null && modified.isAfter(taken.plusMinutes(1))) {
            edits.add("modified " + modified.toString().replace('T', ' ') + ", after capture " + taken.toString().replace('T', ' '));
        }
        for (XmpDirectory x : md.getDirectoriesOfType(XmpDirectory.class)) {
            for (var e : x.getXmpProperties().entrySet()) {
                String k = e.getKey();
                if (k.startsWith("xmpMM:History") && k.endsWith("stEvt:action") && "saved".equalsIgnoreCase(e.getValue())) {
                    edits.add("XMP edit history (saved by an editor)");
                    break;
                }
                if (k.equals("xmp:CreatorTool") && EDITORS.matcher(e.getValue()).find() && software == null) {
                    software = e.getValue();
                    edits.add("written by editing software: " + e.getValue());
                }
            }
        }
        return new PhotoFacts(taken, offset, lat, lon, camera, software, edits.stream().distinct().toList());
    }

    private static LocalDateTime time(Directory d, int tag) {
        if (d == null) return null;
        String s = d.getString(tag);
        if (s == null) return null;
        s = s.strip();
        if (s.length() < 19 || s.startsWith("0000")) return null;
        try {
            return LocalDateTime.parse(s.substring(0, 19), EXIF);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static ZoneOffset offset(String s) {
        if (s == null) return null;
        try {
            return ZoneOffset.of(s.strip());
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static String clean(String s) {
        if (s == null) return null;
        s = s.replaceAll("\\p{Cntrl}", "").strip();
        return s.isEmpty() ? null : s.length() > 200 ? s.substring(0, 200) : s;
    }
}
