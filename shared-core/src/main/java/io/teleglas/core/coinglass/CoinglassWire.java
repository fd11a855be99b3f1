package io.teleglas.core.coinglass;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * What CoinGlass sends, field for field, as its v4 docs spell it (samples in market-apis.md §A.6).
 * Every figure is a boxed type: absent fields stay {@code null} and numbers sent as strings are
 * read as numbers. Unknown fields are ignored. {@link CoinglassAdapter} turns these into the
 * package's result records; nothing else uses them.
 */
final class CoinglassWire {
  private CoinglassWire() {}

  @JsonIgnoreProperties(ignoreUnknown = true)
  record PairMarket(
      @JsonProperty("instrument_id") String instrumentId,
      @JsonProperty("exchange_name") String exchangeName,
      @JsonProperty("symbol") String symbol,
      @JsonProperty("current_price") Double currentPrice,
      @JsonProperty("index_price") Double indexPrice,
      @JsonProperty("price_change_percent_24h") Double priceChangePercent24h,
      @JsonProperty("volume_usd") Double volumeUsd,
      @JsonProperty("open_interest_quantity") Double openInterestQuantity,
      @JsonProperty("open_interest_usd") Double openInterestUsd,
      @JsonProperty("open_interest_change_percent_24h") Double openInterestChangePercent24h,
      @JsonProperty("long_liquidation_usd_24h") Double longLiquidationUsd24h,
      @JsonProperty("short_liquidation_usd_24h") Double shortLiquidationUsd24h,
      @JsonProperty("funding_rate") Double fundingRate,
      @JsonProperty("next_funding_time") Long nextFundingTime) {}

  @JsonIgnoreProperties(ignoreUnknown = true)
  record CoinMarket(
      @JsonProperty("symbol") String symbol,
      @JsonProperty("current_price") Double currentPrice,
      @JsonProperty("avg_funding_rate_by_oi") Double avgFundingRateByOi,
      @JsonProperty("avg_funding_rate_by_vol") Double avgFundingRateByVol,
      @JsonProperty("market_cap_usd") Double marketCapUsd,
      @JsonProperty("open_interest_usd") Double openInterestUsd,
      @JsonProperty("open_interest_quantity") Double openInterestQuantity,
      @JsonProperty("price_change_percent_5m") Double priceChangePercent5m,
      @JsonProperty("price_change_percent_15m") Double priceChangePercent15m,
      @JsonProperty("price_change_percent_30m") Double priceChangePercent30m,
      @JsonProperty("price_change_percent_1h") Double priceChangePercent1h,
      @JsonProperty("price_change_percent_4h") Double priceChangePercent4h,
      @JsonProperty("price_change_percent_12h") Double priceChangePercent12h,
      @JsonProperty("price_change_percent_24h") Double priceChangePercent24h,
      @JsonProperty("open_interest_change_percent_5m") Double openInterestChangePercent5m,
      @JsonProperty("open_interest_change_percent_15m") Double openInterestChangePercent15m,
      @JsonProperty("open_interest_change_percent_30m") Double openInterestChangePercent30m,
      @JsonProperty("open_interest_change_percent_1h") Double openInterestChangePercent1h,
      @JsonProperty("open_interest_change_percent_4h") Double openInterestChangePercent4h,
      @JsonProperty("open_interest_change_percent_24h") Double openInterestChangePercent24h,
      @JsonProperty("volume_change_percent_5m") Double volumeChangePercent5m,
      @JsonProperty("volume_change_percent_15m") Double volumeChangePercent15m,
      @JsonProperty("volume_change_percent_30m") Double volumeChangePercent30m,
      @JsonProperty("volume_change_percent_1h") Double volumeChangePercent1h,
      @JsonProperty("volume_change_percent_4h") Double volumeChangePercent4h,
      @JsonProperty("volume_change_percent_24h") Double volumeChangePercent24h,
      @JsonProperty("long_short_ratio_5m") Double longShortRatio5m,
      @JsonProperty("long_short_ratio_15m") Double longShortRatio15m,
      @JsonProperty("long_short_ratio_30m") Double longShortRatio30m,
      @JsonProperty("long_short_ratio_1h") Double longShortRatio1h,
      @JsonProperty("long_short_ratio_4h") Double longShortRatio4h,
      @JsonProperty("long_short_ratio_12h") Double longShortRatio12h,
      @JsonProperty("long_short_ratio_24h") Double longShortRatio24h,
      @JsonProperty("liquidation_usd_1h") Double liquidationUsd1h,
      @JsonProperty("long_liquidation_usd_1h") Double longLiquidationUsd1h,
      @JsonProperty("short_liquidation_usd_1h") Double shortLiquidationUsd1h,
      @JsonProperty("liquidation_usd_4h") Double liquidationUsd4h,
      @JsonProperty("long_liquidation_usd_4h") Double longLiquidationUsd4h,
      @JsonProperty("short_liquidation_usd_4h") Double shortLiquidationUsd4h,
      @JsonProperty("liquidation_usd_12h") Double liquidationUsd12h,
      @JsonProperty("long_liquidation_usd_12h") Double longLiquidationUsd12h,
      @JsonProperty("short_liquidation_usd_12h") Double shortLiquidationUsd12h,
      @JsonProperty("liquidation_usd_24h") Double liquidationUsd24h,
      @JsonProperty("long_liquidation_usd_24h") Double longLiquidationUsd24h,
      @JsonProperty("short_liquidation_usd_24h") Double shortLiquidationUsd24h) {}

  @JsonIgnoreProperties(ignoreUnknown = true)
  record PriceChange(
      @JsonProperty("symbol") String symbol,
      @JsonProperty("current_price") Double currentPrice,
      @JsonProperty("price_change_percent_5m") Double priceChangePercent5m,
      @JsonProperty("price_change_percent_15m") Double priceChangePercent15m,
      @JsonProperty("price_change_percent_30m") Double priceChangePercent30m,
      @JsonProperty("price_change_percent_1h") Double priceChangePercent1h,
      @JsonProperty("price_change_percent_4h") Double priceChangePercent4h,
      @JsonProperty("price_change_percent_12h") Double priceChangePercent12h,
      @JsonProperty("price_change_percent_24h") Double priceChangePercent24h,
      @JsonProperty("price_amplitude_percent_5m") Double priceAmplitudePercent5m,
      @JsonProperty("price_amplitude_percent_15m") Double priceAmplitudePercent15m,
      @JsonProperty("price_amplitude_percent_30m") Double priceAmplitudePercent30m,
      @JsonProperty("price_amplitude_percent_1h") Double priceAmplitudePercent1h,
      @JsonProperty("price_amplitude_percent_4h") Double priceAmplitudePercent4h,
      @JsonProperty("price_amplitude_percent_12h") Double priceAmplitudePercent12h,
      @JsonProperty("price_amplitude_percent_24h") Double priceAmplitudePercent24h) {}

  @JsonIgnoreProperties(ignoreUnknown = true)
  record ExchangeOpenInterest(
      @JsonProperty("exchange") String exchange,
      @JsonProperty("symbol") String symbol,
      @JsonProperty("open_interest_usd") Double openInterestUsd,
      @JsonProperty("open_interest_quantity") Double openInterestQuantity,
      @JsonProperty("open_interest_by_stable_coin_margin") Double openInterestByStableCoinMargin,
      @JsonProperty("open_interest_quantity_by_coin_margin")
          Double openInterestQuantityByCoinMargin,
      @JsonProperty("open_interest_quantity_by_stable_coin_margin")
          Double openInterestQuantityByStableCoinMargin,
      @JsonProperty("open_interest_change_percent_5m") Double openInterestChangePercent5m,
      @JsonProperty("open_interest_change_percent_15m") Double openInterestChangePercent15m,
      @JsonProperty("open_interest_change_percent_30m") Double openInterestChangePercent30m,
      @JsonProperty("open_interest_change_percent_1h") Double openInterestChangePercent1h,
      @JsonProperty("open_interest_change_percent_4h") Double openInterestChangePercent4h,
      @JsonProperty("open_interest_change_percent_24h") Double openInterestChangePercent24h) {}

  @JsonIgnoreProperties(ignoreUnknown = true)
  record CoinFunding(
      @JsonProperty("symbol") String symbol,
      @JsonProperty("stablecoin_margin_list") List<ExchangeFunding> stablecoinMarginList,
      @JsonProperty("token_margin_list") List<ExchangeFunding> tokenMarginList) {}

  @JsonIgnoreProperties(ignoreUnknown = true)
  record ExchangeFunding(
      @JsonProperty("exchange") String exchange,
      @JsonProperty("funding_rate_interval") Double fundingRateInterval,
      @JsonProperty("funding_rate") Double fundingRate,
      @JsonProperty("next_funding_time") Long nextFundingTime) {}

  @JsonIgnoreProperties(ignoreUnknown = true)
  record ExchangeLiquidation(
      @JsonProperty("exchange") String exchange,
      @JsonProperty("liquidation_usd") Double liquidationUsd,
      @JsonProperty("long_liquidation_usd") Double longLiquidationUsd,
      @JsonProperty("short_liquidation_usd") Double shortLiquidationUsd) {}

  @JsonIgnoreProperties(ignoreUnknown = true)
  record LiquidationOrder(
      @JsonProperty("exchange_name") String exchangeName,
      @JsonProperty("symbol") String symbol,
      @JsonProperty("base_asset") String baseAsset,
      @JsonProperty("price") Double price,
      @JsonProperty("usd_value") Double usdValue,
      @JsonProperty("side") Integer side,
      @JsonProperty("time") Long time) {}

  /** One bucket of any of the three long/short ratio histories; each fills its own trio. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  record RatioBucket(
      @JsonProperty("time") Long time,
      @JsonProperty("global_account_long_percent") Double globalAccountLongPercent,
      @JsonProperty("top_account_long_percent") Double topAccountLongPercent,
      @JsonProperty("top_position_long_percent") Double topPositionLongPercent) {}

  @JsonIgnoreProperties(ignoreUnknown = true)
  record TakerVolume(
      @JsonProperty("symbol") String symbol,
      @JsonProperty("buy_vol_usd") Double buyVolUsd,
      @JsonProperty("sell_vol_usd") Double sellVolUsd,
      @JsonProperty("exchange_list") List<ExchangeTakerVolume> exchangeList) {}

  @JsonIgnoreProperties(ignoreUnknown = true)
  record ExchangeTakerVolume(
      @JsonProperty("exchange") String exchange,
      @JsonProperty("buy_vol_usd") Double buyVolUsd,
      @JsonProperty("sell_vol_usd") Double sellVolUsd) {}

  @JsonIgnoreProperties(ignoreUnknown = true)
  record WhaleAlert(
      @JsonProperty("user") String user,
      @JsonProperty("symbol") String symbol,
      @JsonProperty("position_size") Double positionSize,
      @JsonProperty("entry_price") Double entryPrice,
      @JsonProperty("liq_price") Double liqPrice,
      @JsonProperty("position_value_usd") Double positionValueUsd,
      @JsonProperty("position_action") Integer positionAction,
      @JsonProperty("create_time") Long createTime) {}

  @JsonIgnoreProperties(ignoreUnknown = true)
  record WhalePosition(
      @JsonProperty("user") String user,
      @JsonProperty("symbol") String symbol,
      @JsonProperty("position_size") Double positionSize,
      @JsonProperty("entry_price") Double entryPrice,
      @JsonProperty("mark_price") Double markPrice,
      @JsonProperty("liq_price") Double liqPrice,
      @JsonProperty("leverage") Double leverage,
      @JsonProperty("margin_balance") Double marginBalance,
      @JsonProperty("position_value_usd") Double positionValueUsd,
      @JsonProperty("unrealized_pnl") Double unrealizedPnl,
      @JsonProperty("funding_fee") Double fundingFee,
      @JsonProperty("margin_mode") String marginMode,
      @JsonProperty("create_time") Long createTime,
      @JsonProperty("update_time") Long updateTime) {}

  @JsonIgnoreProperties(ignoreUnknown = true)
  record CoinRsi(
      @JsonProperty("symbol") String symbol,
      @JsonProperty("rsi_15m") Double rsi15m,
      @JsonProperty("rsi_1h") Double rsi1h,
      @JsonProperty("rsi_4h") Double rsi4h,
      @JsonProperty("rsi_12h") Double rsi12h,
      @JsonProperty("rsi_24h") Double rsi24h,
      @JsonProperty("rsi_1w") Double rsi1w,
      @JsonProperty("price_change_percent_15m") Double priceChangePercent15m,
      @JsonProperty("price_change_percent_1h") Double priceChangePercent1h,
      @JsonProperty("price_change_percent_4h") Double priceChangePercent4h,
      @JsonProperty("price_change_percent_12h") Double priceChangePercent12h,
      @JsonProperty("price_change_percent_24h") Double priceChangePercent24h,
      @JsonProperty("price_change_percent_1w") Double priceChangePercent1w,
      @JsonProperty("current_price") Double currentPrice) {}
}
