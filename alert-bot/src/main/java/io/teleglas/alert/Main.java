package io.teleglas.alert;

public final class Main {
  private Main() {}

  public static void main(String[] args) {
    System.out.println("skeleton");
  }
}
